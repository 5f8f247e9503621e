// The cluster rows (docs/cluster.md): three hosts sharing one redis-server, all on this machine.
// Throughput with senders on host A and receivers on host B, next to a single host in the same
// rounds; latency with every pair split over A and B; and the recovery time from `kill -9` of a
// host until its users are gone from another host's roster. The latency rounds also run bare
// relays through a Redis of their own (bare-cluster-relay.ts): what the least relay through
// Redis gets on this machine. With `--baseline DIR` a cluster of that checkout's hosts, on a
// Redis of its own, runs in the same rounds too.
import process from 'node:process';
import {redisMissing} from '../test/helpers/redis-server.js';
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import {startBenchCluster, type BenchCluster} from './cluster-hosts.js';
import {benchClusterScale} from './cluster-scale.js';
import {watchHost} from './cluster-watch.js';
import {logInAll, LOGINS_IN_FLIGHT} from './bench-user.js';
import {runLatency, type LatencyResult} from './latency-run.js';
import {facesByName} from './relay-faces.js';
import {outcomeProblems, type RunOutcome} from './run-problems.js';
import {startNodeServer, type RunningServer} from './running-server.js';
import {median, ratio} from './stats.js';
import {runThroughput, type ThroughputResult} from './throughput-run.js';

const HOST_SCRIPT = new URL('host-process.ts', import.meta.url).pathname;
const THROUGHPUT_TARGET = '≥ 0.5× single host, plain';
const LATENCY_TARGET = 'p99 < 5 ms';
/** JIT warm-up before the measured throughput rounds, as a share of a measured run. */
const WARMUP_SHARE = 0.2;
/** Users of the killed host in the recovery run. */
const RECOVERY_USERS = 100;

/** `runs` starting with a different one each round: whichever runs first in a round (the
 * machine's state after the one before, a collection due) does not always favour the same. */
function inTurn<T>(runs: readonly T[], round: number): T[] {
	const first = round % runs.length;
	return [...runs.slice(first), ...runs.slice(0, first)];
}

/** What a row is: the single host, a cluster of `chat host`s (ours or a baseline's, held to the
 * targets), or the bare relays' floor. */
type Row = 'single' | 'cluster' | 'floor';
const rowOf = (cluster: BenchCluster): Row => (cluster.bare ? 'floor' : 'cluster');

/** The baseline cluster's runs, second after ours when `--baseline` gave one. */
function baselineOf<T>(options: BenchOptions, crossRuns: T[][]): T[] | undefined {
	return options.baseline === undefined ? undefined : crossRuns[1];
}

/** A section's rows, the single host's and then each cluster's (`crossLabel` after the cluster's
 * label), with every run's problems reported as failures. */
function reportedRows<Outcome extends RunOutcome>(
	report: BenchReport,
	benchmark: string,
	singleRuns: Outcome[],
	clusters: readonly BenchCluster[],
	crossRuns: Outcome[][],
	crossLabel: string,
): Array<[string, Outcome[], Row]> {
	const rows: Array<[string, Outcome[], Row]> = [
		['single host', singleRuns, 'single'],
		...clusters.map((cluster, index): [string, Outcome[], Row] => [
			`${cluster.label}${crossLabel}`,
			crossRuns[index] ?? [],
			rowOf(cluster),
		]),
	];
	for (const [label, runs] of rows) {
		for (const outcome of runs) {
			for (const problem of outcomeProblems(`${benchmark}, ${label}`, outcome))
				report.fail(problem);
		}
	}

	return rows;
}

let runCounter = 0;
const nextTag = (letter: string) => `${letter}${(runCounter++).toString(36)}`;

export async function benchCluster(options: BenchOptions, report: BenchReport): Promise<void> {
	const missing = redisMissing();
	if (missing !== undefined) {
		report.add({benchmark: 'cluster', contender: 'redis-server', result: missing, figures: {}});
		return;
	}

	const servers: RunningServer[] = [];
	const clusters: BenchCluster[] = [];
	const floors: BenchCluster[] = [];
	try {
		const single = await startNodeServer(HOST_SCRIPT, [], 'single host');
		servers.push(single);
		const profile = options.profileHost;
		const cluster = await startBenchCluster({profile, watcherName: nextTag('w')});
		clusters.push(cluster);
		if (options.baseline !== undefined) {
			const checkout = options.baseline;
			clusters.push(await startBenchCluster({checkout, watcherName: nextTag('w')}));
		}

		await throughput(options, report, single, clusters);
		if (!options.quick) {
			// Scale first, on fresh hosts of its own, before the latency run's backlog loads the machine.
			await benchClusterScale(report, cluster.redisUrl, nextTag('c'));
			const floor = await startBenchCluster({bare: true, watcherName: nextTag('w')});
			floors.push(floor);
			await latency(options, report, single, [...clusters, floor]);
			await recovery(report, cluster.redisUrl, cluster.a);
		}
	} finally {
		await Promise.all(servers.map(async (server) => server.stop()));
		await Promise.all([...clusters, ...floors].map(async (cluster) => cluster.stop()));
	}
}

async function throughput(
	options: BenchOptions,
	report: BenchReport,
	single: RunningServer,
	clusters: readonly BenchCluster[],
): Promise<void> {
	const face = facesByName.plain;
	const [pairs = 8] = options.throughput.pairs;
	const perSender = Math.max(1, Math.round(options.throughput.messagesPerRun / pairs));
	const benchmark = `cluster throughput, ${pairs} pairs × ${whole(perSender)} × 64 B, plain`;
	const across = (cluster: BenchCluster, count: number) =>
		runThroughput(cluster.a, face, pairs, count, nextTag('x'), cluster.b);
	const singleRuns: ThroughputResult[] = [];
	const crossRuns = clusters.map((): ThroughputResult[] => []);
	if (!options.quick) {
		// The JIT warms up on both paths first: cold, the cross-host rounds ran at half speed.
		const warmup = Math.max(1, Math.round(perSender * WARMUP_SHARE));
		await runThroughput(single, face, pairs, warmup, nextTag('s'));
		for (const cluster of clusters) await across(cluster, warmup);
	}

	const runs = [
		async () => {
			singleRuns.push(await runThroughput(single, face, pairs, perSender, nextTag('s')));
		},
		...clusters.map((cluster, index) => async () => {
			crossRuns[index]?.push(await across(cluster, perSender));
		}),
	];
	for (let round = 0; round < options.rounds; round++) {
		for (const run of inTurn(runs, round)) await run();
	}

	const rate = (results: ThroughputResult[]) => median(results.map((run) => run.messagesPerSecond));
	const cpu = (results: ThroughputResult[]) =>
		median(results.map((run) => run.relayCpuMicrosPerMessage));
	const rows = reportedRows(
		report,
		benchmark,
		singleRuns,
		clusters,
		crossRuns,
		'host A → host B (3 hosts, 1 Redis)',
	);
	for (const [label, results, row] of rows) {
		const vsSingle = ratio(rate(results), rate(singleRuns));
		const baseline = baselineOf(options, crossRuns);
		report.add({
			benchmark,
			contender: label,
			result: `${whole(rate(results))} msg/s (relay CPU ${fixed(cpu(results))} µs/msg, both hosts)`,
			vsBaseline:
				results === crossRuns[0] && baseline !== undefined
					? times(ratio(rate(results), rate(baseline)))
					: undefined,
			target: row === 'single' ? '' : `${times(vsSingle)} single; ${THROUGHPUT_TARGET}`,
			figures: {
				pairs,
				messagesPerSecond: rate(results),
				relayCpuMicrosPerMessage: cpu(results),
				vsSingle,
			},
		});
	}
}

async function latency(
	options: BenchOptions,
	report: BenchReport,
	single: RunningServer,
	clusters: readonly BenchCluster[],
): Promise<void> {
	const face = facesByName.plain;
	const {users, messagesPerSecond} = options.latency;
	const benchmark = `cluster latency, ${whole(users)} users, ${whole(messagesPerSecond)} msg/s, plain`;
	const singleRuns: LatencyResult[] = [];
	const crossRuns = clusters.map((): LatencyResult[] => []);
	const runs = [
		async () => {
			singleRuns.push(await runLatency(single, face, options.latency, nextTag('ls')));
		},
		...clusters.map((cluster, index) => async () => {
			const result = await runLatency(cluster.a, face, options.latency, nextTag('lx'), cluster.b);
			crossRuns[index]?.push(result);
		}),
	];
	for (let round = 0; round < Math.min(options.rounds, 3); round++) {
		for (const run of inTurn(runs, round)) await run();
	}

	const rows = reportedRows(
		report,
		benchmark,
		singleRuns,
		clusters,
		crossRuns,
		'pairs split over hosts A and B',
	);
	for (const [label, runs, row] of rows) {
		const p50 = median(runs.map((run) => run.p50Ms));
		const p99 = median(runs.map((run) => run.p99Ms));
		const baseline = baselineOf(options, crossRuns);
		const baselineP99 =
			baseline === undefined ? Number.NaN : median(baseline.map((run) => run.p99Ms));
		report.add({
			benchmark,
			contender: label,
			result: `p50 ${fixed(p50)} ms, p99 ${fixed(p99)} ms`,
			vsBaseline:
				runs === crossRuns[0] && baseline !== undefined
					? `p99 ${times(ratio(p99, baselineP99))}`
					: undefined,
			target: {single: '', cluster: LATENCY_TARGET, floor: 'the floor through Redis'}[row],
			figures: {p50Ms: p50, p99Ms: p99},
		});
	}
}

/** From `kill -9` of a fourth host until its users are gone from host A's roster. */
async function recovery(report: BenchReport, url: string, a: RunningServer): Promise<void> {
	const victim = await startNodeServer(HOST_SCRIPT, [url], 'cluster host D');
	const face = facesByName.structured;
	const tag = nextTag('k');
	const names = Array.from({length: RECOVERY_USERS}, (_, index) => `${tag}u${index}`);
	await logInAll(victim.port, face, names, LOGINS_IN_FLIGHT);
	const watcher = await watchHost(a.port, nextTag('w'));
	await watcher.known(names);
	const killed = performance.now();
	process.kill(victim.pid, 'SIGKILL');
	await watcher.gone(names);
	const seconds = (performance.now() - killed) / 1000;
	await victim.stop();
	watcher.close();
	report.add({
		benchmark: `cluster recovery, ${RECOVERY_USERS} users on a host killed with -9`,
		contender: '4 hosts, 1 Redis',
		result: `gone from the other hosts' rosters ${fixed(seconds, 1)} s after the kill`,
		target: '≤ 15 s',
		figures: {recoverySeconds: seconds},
	});
}
