// Relay throughput: every contender, interleaved A B C D A B C D over the rounds, medians and
// ratios against ngircd and the bare Node relay.
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import type {Contender, RelayKind} from './contenders.js';
import {outcomeProblems} from './run-problems.js';
import type {RunningServer} from './running-server.js';
import {median, ratio} from './stats.js';
import {runThroughput} from './throughput-run.js';

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
		const rates = new Map<string, number[]>();
		const cpu = new Map<string, number[]>();
		if (!options.quick) {
			for (const contender of contenders) {
				const warmup = Math.max(1, Math.round(perSender * WARMUP_SHARE));
				await runThroughput(
					servers.get(contender.relay)!,
					contender.face,
					pairs,
					warmup,
					nextTag(),
				);
			}
		}
		for (let round = 0; round < options.rounds; round++) {
			for (const contender of contenders) {
				const outcome = await runThroughput(
					servers.get(contender.relay)!,
					contender.face,
					pairs,
					perSender,
					nextTag(),
				);
				for (const problem of outcomeProblems(`${benchmark}, ${contender.label}`, outcome)) {
					report.fail(problem);
				}
				rates.set(contender.key, [...(rates.get(contender.key) ?? []), outcome.messagesPerSecond]);
				cpu.set(contender.key, [
					...(cpu.get(contender.key) ?? []),
					outcome.relayCpuMicrosPerMessage,
				]);
			}
		}
		const rateOf = (key: string) => median(rates.get(key) ?? []);
		for (const contender of contenders) {
			const rate = rateOf(contender.key);
			const cpuMicros = median(cpu.get(contender.key) ?? []);
			report.add({
				benchmark,
				contender: contender.label,
				result: `${whole(rate)} msg/s (relay CPU ${fixed(cpuMicros)} µs/msg)`,
				vsNgircd: contender.key === 'ngircd' ? '' : times(ratio(rate, rateOf('ngircd'))),
				vsBare: contender.key === 'bare' ? '' : times(ratio(rate, rateOf('bare'))),
				target: contender.relay === 'host' ? HOST_TARGET : '',
				figures: {
					pairs,
					messagesPerSender: perSender,
					rounds: options.rounds,
					messagesPerSecond: rate,
					relayCpuMicrosPerMessage: cpuMicros,
					vsNgircd: ratio(rate, rateOf('ngircd')),
					vsBare: ratio(rate, rateOf('bare')),
				},
			});
		}
	}
}
