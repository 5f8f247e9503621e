// The client UI: the Ink app headless with a long history (in a worker process), and the real
// `chat join` binary in a pseudo-terminal.
import {fork} from 'node:child_process';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, whole} from './bench-report.js';
import type {ClientUiFigures} from './client-ui-worker.js';
import {startRelay} from './contenders.js';
import {withDeadline} from './deferred.js';
import {ensureBuilt} from '../scripts/ensure-built.js';
import {timeJoinToConnected, type JoinTimes} from './join-to-connected.js';
import {median, percentile} from './stats.js';
import {CI_VARIABLES} from '../source/ui/ink-draws-frames.js';

const WORKER = fileURLToPath(new URL('client-ui-worker.ts', import.meta.url));
const WORKER_DEADLINE_MS = 300_000;
const JOIN_ATTEMPTS = 5;
const CONTENDER = 'chat join (Ink)';
const MiB = 2 ** 20;

function asChatJoinRuns(): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const name of CI_VARIABLES) Reflect.deleteProperty(env, name);
	// The same React build `chat join` runs on (source/cli/start-join.ts).
	env['NODE_ENV'] ??= 'production';
	return env;
}

function runWorker(options: BenchOptions): Promise<ClientUiFigures> {
	const child = fork(WORKER, [JSON.stringify(options.ui)], {
		execArgv: ['--import', 'tsx', '--expose-gc'],
		// It measures a person's terminal: with CI set, Ink would draw no frames at all.
		env: asChatJoinRuns(),
		// The worker's terminal is fake; its own output would only scramble the table.
		stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
	});
	let errors = '';
	child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
	const reported = new Promise<ClientUiFigures>((resolve, reject) => {
		child.once('message', (message: {figures: ClientUiFigures; exitCode: number}) => {
			if (message.exitCode === 0) resolve(message.figures);
			else reject(new Error(`the chat screen ended with exit code ${message.exitCode}`));
		});
		child.once('exit', (code) => {
			reject(new Error(`the UI worker exited (${code}) before reporting:\n${errors.trim()}`));
		});
	});
	return withDeadline(reported, WORKER_DEADLINE_MS, 'the UI worker');
}

export async function benchClientUi(options: BenchOptions, report: BenchReport): Promise<void> {
	const benchmark = `client UI, ${whole(options.ui.history)} messages in one conversation`;
	const ui = await runWorker(options);
	const frameMedian = median(ui.frameMs);
	const frameP99 = percentile(ui.frameMs, 0.99);
	const switchMedian = median(ui.switchMs);
	const switchP99 = percentile(ui.switchMs, 0.99);
	const add = (result: string, target: string, figures: Record<string, number>) =>
		report.add({benchmark, contender: CONTENDER, result, target, figures});
	add(
		`frame on a new message: median ${fixed(frameMedian)} ms, p99 ${fixed(frameP99)} ms (after ${ui.warmupMs.length} warm-up frames of up to ${fixed(Math.max(0, ...ui.warmupMs))} ms)`,
		'< 8 ms median',
		{frames: ui.frameMs.length, frameMedianMs: frameMedian, frameP99Ms: frameP99},
	);
	add(`switch conversation: median ${fixed(switchMedian)} ms, p99 ${fixed(switchP99)} ms`, '', {
		switches: ui.switchMs.length,
		switchMedianMs: switchMedian,
		switchP99Ms: switchP99,
	});
	add(
		`memory: RSS ${fixed(ui.rssBytes / MiB, 0)} MiB, JS heap ${fixed(ui.heapUsedBytes / MiB, 0)} MiB ` +
			`(history loaded in ${whole(ui.historyLoadMs)} ms)`,
		'',
		{rssBytes: ui.rssBytes, heapUsedBytes: ui.heapUsedBytes, historyLoadMs: ui.historyLoadMs},
	);
	const idleShare = ui.idleCpuMs / (options.ui.idleSeconds * 1000);
	add(
		`idle ${options.ui.idleSeconds} s: ${fixed(ui.idleCpuMs, 1)} ms CPU (${fixed(idleShare * 100, 3)}%), ${ui.idleWrites} frames, ${ui.idleGcCount} GCs (${fixed(ui.idleGcMs, 1)} ms)`,
		'~0',
		{
			idleSeconds: options.ui.idleSeconds,
			idleCpuMs: ui.idleCpuMs,
			idleFrames: ui.idleWrites,
			idleGcCount: ui.idleGcCount,
			idleGcMs: ui.idleGcMs,
		},
	);

	ensureBuilt();
	const host = await startRelay('host');
	try {
		const joins: JoinTimes[] = [];
		for (let attempt = 0; attempt < (options.quick ? 1 : JOIN_ATTEMPTS); attempt++) {
			joins.push(await timeJoinToConnected(host.port, `join${attempt}`));
		}
		const connected = median(joins.map((join) => join.connectedMs));
		const firstOutput = median(joins.map((join) => join.firstOutputMs));
		const crash = host.crash();
		if (crash) report.fail(`client UI: ${crash}`);
		add(
			`chat join → "connected": median ${whole(connected)} ms (first output at ${whole(firstOutput)} ms; ${joins.length} runs)`,
			'< 400 ms',
			{joins: joins.length, joinToConnectedMs: connected, joinToFirstOutputMs: firstOutput},
		);
	} finally {
		await host.stop();
	}
}
