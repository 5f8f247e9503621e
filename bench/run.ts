// `npm run bench`: relay throughput, latency, scale, the client UI and the durable store, printed
// as one table.
// See bench-options.ts for the flags; the README has the latest figures.
import os from 'node:os';
import {parseBenchOptions, UsageRequest, USAGE, type BenchOptions} from './bench-options.js';
import {BenchReport} from './bench-report.js';
import {contendersWith, startRelays, type Contender} from './contenders.js';
import {benchClientUi} from './client-ui-bench.js';
import {benchCluster} from './cluster-bench.js';
import {benchHistoryUi} from './history-ui-bench.js';
import {benchLatency} from './latency-bench.js';
import {ngircdVersion} from './ngircd-server.js';
import {stopAllServers} from './running-server.js';
import {benchScale} from './scale-bench.js';
import {benchStore} from './store-bench.js';
import {benchThroughput} from './throughput-bench.js';

async function main(options: BenchOptions, report: BenchReport): Promise<void> {
	const version = ngircdVersion();
	let contenders: readonly Contender[] = contendersWith(options.baseline);
	if (!version) {
		if (!options.quick)
			throw new Error(
				'ngircd not installed: the full benchmark needs it (apt-get install ngircd).',
			);
		contenders = contenders.filter((contender) => contender.relay !== 'ngircd');
		report.add({
			benchmark: 'all',
			contender: 'ngircd',
			result: 'ngircd not installed: skipped',
			figures: {},
		});
	}
	const relaySections = options.sections.filter(
		(section) => section === 'throughput' || section === 'latency',
	);
	if (relaySections.length > 0) {
		const {servers, stop} = await startRelays(contenders, {
			profile: options.profileHost,
			baselineDir: options.baseline,
		});
		try {
			for (const section of relaySections) {
				const bench = section === 'throughput' ? benchThroughput : benchLatency;
				await guard(report, section, () => bench(options, report, contenders, servers));
			}
		} finally {
			await stop();
		}
	}
	if (options.sections.includes('scale')) {
		await guard(report, 'scale', () => benchScale(options, report, contenders));
	}
	if (options.sections.includes('ui')) {
		await guard(report, 'client UI', () => benchClientUi(options, report));
		await guard(report, 'history UI', () => benchHistoryUi(options, report));
	}
	if (options.sections.includes('store')) {
		await guard(report, 'store', () => benchStore(options, report));
	}
	if (options.sections.includes('cluster')) {
		await guard(report, 'cluster', () => benchCluster(options, report));
	}
}

/** A section that throws is a failed bench, but the other sections still run. */
async function guard(
	report: BenchReport,
	section: string,
	run: () => Promise<void>,
): Promise<void> {
	const started = performance.now();
	process.stderr.write(`${section}…`);
	try {
		await run();
	} catch (error) {
		report.fail(`${section}: ${(error as Error).message}`);
	}
	process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Prints what was measured so far, so an interrupted run still shows its figures. */
function interruptOn(signal: NodeJS.Signals, report: BenchReport): void {
	process.once(signal, () => {
		console.log(report.table());
		console.error(`interrupted by ${signal}`);
		void stopAllServers().finally(() => process.exit(1));
	});
}

try {
	const options = parseBenchOptions(process.argv.slice(2));
	const report = new BenchReport();
	interruptOn('SIGINT', report);
	interruptOn('SIGTERM', report);
	const started = performance.now();
	await main(options, report);
	console.log(report.table());
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const load = os.loadavg()[0]?.toFixed(1);
	console.log(
		`\n${options.quick ? 'quick run' : 'full run'} in ${seconds} s (load average ${load} at the end)`,
	);
	if (options.json) report.writeJson(options.json, options);
	for (const problem of report.problems) console.error(`FAILED: ${problem}`);
	process.exitCode = report.problems.length > 0 ? 1 : 0;
} catch (error) {
	if (error instanceof UsageRequest) console.log(USAGE);
	else {
		console.error((error as Error).message);
		process.exitCode = 2;
	}
}
