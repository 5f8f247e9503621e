// Relay throughput: every contender, interleaved A B C D A B C D over the rounds, medians and
// ratios against ngircd and the bare Node relay.
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import {baselineTwin, serverFor, type Contender, type RelayKind} from './contenders.js';
import {outcomeProblems} from './run-problems.js';
import type {RunningServer} from './running-server.js';
import {median, ratio} from './stats.js';
import {runThroughput, type ThroughputResult} from './throughput-run.js';

/** JIT warm-up before the measured rounds, as a share of a measured run. */
const WARMUP_SHARE = 0.2;
const HOST_TARGET = '≥ 1× ngircd, ≥ 0.8× bare';

let runCounter = 0;
const nextTag = () => `t${(runCounter++).toString(36)}`;

export async function benchThroughput(
	options: BenchOptions,
	report: BenchReport,
	contenders: readonly Contender[],
	servers: Map<RelayKind, RunningServer>,
): Promise<void> {
	for (const pairs of options.throughput.pairs) {
		const perSender = Math.max(1, Math.round(options.throughput.messagesPerRun / pairs));
		const benchmark = `throughput, ${pairs} pairs × ${whole(perSender)} × 64 B`;
		const runs = new Map<string, ThroughputResult[]>();
		if (!options.quick) {
			const warmup = Math.max(1, Math.round(perSender * WARMUP_SHARE));
			for (const contender of contenders) {
				const server = serverFor(servers, contender.relay);
				await runThroughput(server, contender.face, pairs, warmup, nextTag());
			}
		}
		for (let round = 0; round < options.rounds; round++) {
			for (const contender of contenders) {
				const server = serverFor(servers, contender.relay);
				const outcome = await runThroughput(server, contender.face, pairs, perSender, nextTag());
				for (const problem of outcomeProblems(`${benchmark}, ${contender.label}`, outcome)) {
					report.fail(problem);
				}
				runs.set(contender.key, [...(runs.get(contender.key) ?? []), outcome]);
			}
		}
		const figure = (key: string, pick: (run: ThroughputResult) => number) =>
			median((runs.get(key) ?? []).map(pick));
		const rateOf = (key: string) => figure(key, (run) => run.messagesPerSecond);
		for (const contender of contenders) {
			const rate = rateOf(contender.key);
			const cpuMicros = figure(contender.key, (run) => run.relayCpuMicrosPerMessage);
			const generatorBusy = figure(contender.key, (run) => run.loadGeneratorBusy);
			const twin = baselineTwin(contender.key);
			const vsBaseline = twin && runs.has(twin) ? ratio(rate, rateOf(twin)) : Number.NaN;
			report.add({
				benchmark,
				contender: contender.label,
				result: `${whole(rate)} msg/s (relay CPU ${fixed(cpuMicros)} µs/msg, generator ${Math.round(generatorBusy * 100)}% busy)`,
				vsNgircd: contender.key === 'ngircd' ? '' : times(ratio(rate, rateOf('ngircd'))),
				vsBare: contender.key === 'bare' ? '' : times(ratio(rate, rateOf('bare'))),
				vsBaseline: Number.isNaN(vsBaseline) ? '' : times(vsBaseline),
				target: contender.relay === 'host' ? HOST_TARGET : '',
				figures: {
					pairs,
					messagesPerSender: perSender,
					rounds: options.rounds,
					messagesPerSecond: rate,
					relayCpuMicrosPerMessage: cpuMicros,
					loadGeneratorBusy: generatorBusy,
					vsNgircd: ratio(rate, rateOf('ngircd')),
					vsBare: ratio(rate, rateOf('bare')),
					...(Number.isNaN(vsBaseline) ? {} : {vsBaseline}),
				},
			});
		}
	}
}
