// The host's durable store (issue 9): stored messages per second with durability, the event-loop
// time a tick's commit takes at a steady rate, and the open time of a store with many messages;
// SQLite at both durabilities beside a bare append-only log with an fdatasync per tick.
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import {benchDurableHost} from './durable-host-bench.js';
import {maximum, median, percentile, ratio} from './stats.js';
import {openMs, pacedWrites, storedPerSecond, type StoreContender} from './store-runs.js';

const STORE = 'chat store (WAL, synchronous=NORMAL)';
const BARE = 'bare append log + fdatasync';
const CONTENDERS: ReadonlyArray<{contender: StoreContender; name: string}> = [
	{contender: 'process-kill', name: STORE},
	{contender: 'power-loss', name: 'chat store (WAL, synchronous=FULL)'},
	{contender: 'bare log', name: BARE},
];
/** The open row compares the store with the log, whose open is a replay. */
const OPENED: ReadonlyArray<{contender: StoreContender; name: string}> = [
	{contender: 'process-kill', name: STORE},
	{contender: 'bare log', name: BARE},
];

export async function benchStore(options: BenchOptions, report: BenchReport): Promise<void> {
	const {messages, perTick, rates, paceSeconds, openMessages, opens} = options.store;
	const rateBenchmark = `stored messages/s, ${perTick} per tick, durable`;
	const perSecond: Record<string, number[]> = {};
	// Interleaved rounds, as the relay sections do, so the machine's load falls on all alike.
	for (let round = 0; round < options.rounds; round++) {
		for (const {contender, name} of CONTENDERS) {
			(perSecond[name] ??= []).push(await storedPerSecond(contender, messages, perTick));
		}
	}

	const bare = median(perSecond[BARE] ?? []);
	for (const {name} of CONTENDERS) {
		const rate = median(perSecond[name] ?? []);
		report.add({
			benchmark: rateBenchmark,
			contender: name,
			result: `${whole(rate)} msg/s`,
			vsBare: name === BARE ? '' : times(ratio(rate, bare)),
			figures: {messagesPerSecond: rate, messages, perTick},
		});
	}

	for (const rate of rates) {
		const {commitsMs: commits, cpuMicrosecondsPerMessage} = await pacedWrites(rate, paceSeconds);
		const blocked = commits.reduce((sum, ms) => sum + ms, 0) / (paceSeconds * 1000);
		report.add({
			benchmark: `event loop blocked by each tick's commit, ${whole(rate)} writes/s`,
			contender: STORE,
			result:
				`median ${fixed(median(commits), 3)} ms, p99 ${fixed(percentile(commits, 0.99), 3)} ms, ` +
				`max ${fixed(maximum(commits), 2)} ms (${whole(commits.length)} commits, ${fixed(blocked * 100, 1)}% of the time; ${fixed(cpuMicrosecondsPerMessage, 1)} µs CPU per message)`,
			target: 'p99 < 1 ms',
			figures: {
				writesPerSecond: rate,
				commits: commits.length,
				commitMedianMs: median(commits),
				commitP99Ms: percentile(commits, 0.99),
				commitMaxMs: maximum(commits),
				blockedShare: blocked,
				cpuMicrosecondsPerMessage,
			},
		});
	}

	for (const {contender, name} of OPENED) {
		const opened = await openMs(contender, openMessages, opens);
		report.add({
			benchmark: `store open with ${whole(openMessages)} stored messages`,
			contender: name,
			result: `median ${whole(median(opened))} ms (${opened.length} opens)`,
			figures: {messages: openMessages, openMedianMs: median(opened)},
		});
	}

	await benchDurableHost(options, report);
}
