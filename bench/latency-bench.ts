// Latency at a steady load, interleaved over the rounds: median of each round's p50 and p99,
// and the worst max.
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import {baselineTwin, serverFor, type Contender, type RelayKind} from './contenders.js';
import {runLatency, type LatencyResult} from './latency-run.js';
import {outcomeProblems} from './run-problems.js';
import type {RunningServer} from './running-server.js';
import {maximum, median, ratio} from './stats.js';

const ROUNDS_FULL = 3;
const HOST_TARGET = 'p99 < 5 ms';

let runCounter = 0;

export async function benchLatency(
	options: BenchOptions,
	report: BenchReport,
	contenders: readonly Contender[],
	servers: Map<RelayKind, RunningServer>,
): Promise<void> {
	const {users, messagesPerSecond} = options.latency;
	const benchmark = `latency, ${whole(users)} users, ${whole(messagesPerSecond)} msg/s`;
	const results = new Map<string, LatencyResult[]>();
	const rounds = options.quick ? 1 : Math.min(options.rounds, ROUNDS_FULL);
	for (let round = 0; round < rounds; round++) {
		for (const contender of contenders) {
			const tag = `l${(runCounter++).toString(36)}`;
			const outcome = await runLatency(
				serverFor(servers, contender.relay),
				contender.face,
				options.latency,
				tag,
			);
			for (const problem of outcomeProblems(`${benchmark}, ${contender.label}`, outcome)) {
				report.fail(problem);
			}
			results.set(contender.key, [...(results.get(contender.key) ?? []), outcome]);
		}
	}
	const figure = (key: string, pick: (result: LatencyResult) => number) =>
		median((results.get(key) ?? []).map(pick));
	for (const contender of contenders) {
		const p50 = figure(contender.key, (result) => result.p50Ms);
		const p99 = figure(contender.key, (result) => result.p99Ms);
		const max = maximum((results.get(contender.key) ?? []).map((result) => result.maxMs));
		const lag = figure(contender.key, (result) => result.generatorLagP99Ms);
		const ratioTo = (key: string) =>
			`p99 ${times(
				ratio(
					p99,
					figure(key, (r) => r.p99Ms),
				),
			)}`;
		const twin = baselineTwin(contender.key);
		report.add({
			benchmark,
			contender: contender.label,
			result:
				`p50 ${fixed(p50)} ms, p99 ${fixed(p99)} ms, max ${fixed(max, 1)} ms ` +
				`(generator loop lag p99 ${fixed(lag, 1)} ms)`,
			// Latency ratios: below 1× is better than the reference.
			vsNgircd: contender.key === 'ngircd' ? '' : ratioTo('ngircd'),
			vsBare: contender.key === 'bare' ? '' : ratioTo('bare'),
			vsBaseline: twin && results.has(twin) ? ratioTo(twin) : '',
			target: contender.relay === 'host' ? HOST_TARGET : '',
			figures: {
				users,
				messagesPerSecond,
				rounds,
				p50Ms: p50,
				p99Ms: p99,
				maxMs: max,
				generatorLagP99Ms: lag,
			},
		});
	}
}
