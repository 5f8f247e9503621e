// `npm run bench [-- --quick] [--json FILE] [--only a,b] [--rounds N] [--profile-host] [--baseline DIR]`.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';

const SECTIONS = ['throughput', 'latency', 'scale', 'ui', 'store', 'cluster'] as const;
type Section = (typeof SECTIONS)[number];

export type BenchOptions = {
	quick: boolean;
	json?: string;
	sections: Section[];
	rounds: number;
	/** Write a V8 CPU profile of the host (bench/results/*.cpuprofile). */
	profileHost: boolean;
	/** A checkout of other code (with its node_modules) whose host runs beside this one. */
	baseline?: string;
	/** Relay throughput: pairs per run, and texts per run spread over the senders. */
	throughput: {pairs: number[]; messagesPerRun: number};
	latency: {users: number; messagesPerSecond: number; seconds: number; warmupSeconds: number};
	scale: {users: number; workers: number; loginDeadlineSeconds: number};
	ui: {history: number; idleSeconds: number; frames: number};
	/**
	 * The local history: one long conversation, everything stored over many, the frames and the
	 * flood's seconds. `frames`: the row judges a p99, and the p99 of 200 frames is their second
	 * or third slowest, so it takes more; `floodSeconds`: the flood's figure is a difference of a
	 * few points between windows that stray by more, so it takes many pairs of them.
	 */
	historyUi: {
		oneConversation: number;
		stored: number;
		conversations: number;
		frames: number;
		floodSeconds: number;
	};
	/** The durable store: a rate run, steady rates for the commit's block, and an open. */
	store: {
		messages: number;
		perTick: number;
		rates: number[];
		paceSeconds: number;
		openMessages: number;
		opens: number;
	};
};

export const USAGE = `Usage: npm run bench -- [options]
  --quick          a few seconds, small sizes (CI); asserts nothing about speed
  --json FILE      also write the figures to FILE
  --only LIST      comma-separated sections: ${SECTIONS.join(', ')}
  --rounds N       interleaved rounds per comparison
  --profile-host   write a CPU profile of the host under the flood to bench/results/
  --baseline DIR   also run the host of the checkout DIR (with its node_modules), right after
                   this one in every round, to measure a change before and after in one run;
                   with ui, also that checkout's built chat join (its dist/) in the history joins`;

export function parseBenchOptions(argv: string[]): BenchOptions {
	const {values} = parseArgs({
		args: argv,
		options: {
			quick: {type: 'boolean', default: false},
			json: {type: 'string'},
			only: {type: 'string'},
			rounds: {type: 'string'},
			'profile-host': {type: 'boolean', default: false},
			baseline: {type: 'string'},
			help: {type: 'boolean', default: false},
		},
		strict: true,
	});
	if (values.help) throw new UsageRequest();
	const sections = (values.only?.split(',') ?? [...SECTIONS]).map((name) => {
		if (!(SECTIONS as readonly string[]).includes(name)) {
			throw new Error(`unknown section "${name}": choose from ${SECTIONS.join(', ')}`);
		}
		return name as Section;
	});
	const baseline = values.baseline === undefined ? undefined : path.resolve(values.baseline);
	if (baseline !== undefined && !existsSync(path.join(baseline, 'bench', 'host-process.ts'))) {
		throw new Error(`--baseline ${baseline}: not a checkout of chat (no bench/host-process.ts)`);
	}
	if (baseline !== undefined && !existsSync(path.join(baseline, 'node_modules', 'tsx'))) {
		throw new Error(`--baseline ${baseline}: run npm ci there first (no node_modules/tsx)`);
	}
	const quick = values.quick;
	const rounds = values.rounds === undefined ? (quick ? 1 : 5) : Number(values.rounds);
	if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a whole number ≥ 1');
	return {
		quick,
		json: values.json,
		sections,
		rounds,
		profileHost: values['profile-host'],
		baseline,
		throughput: quick
			? {pairs: [2, 10], messagesPerRun: 2000}
			: {pairs: [8, 100], messagesPerRun: 200_000},
		latency: quick
			? {users: 100, messagesPerSecond: 1000, seconds: 0.75, warmupSeconds: 0.25}
			: {users: 1000, messagesPerSecond: 10_000, seconds: 6, warmupSeconds: 1},
		scale: quick
			? {users: 100, workers: 1, loginDeadlineSeconds: 30}
			: {users: 10_000, workers: 4, loginDeadlineSeconds: 180},
		ui: quick
			? {history: 2000, idleSeconds: 0.5, frames: 10}
			: {history: 100_000, idleSeconds: 10, frames: 200},
		historyUi: quick
			? {oneConversation: 1000, stored: 5000, conversations: 10, frames: 10, floodSeconds: 0.5}
			: {
					oneConversation: 100_000,
					stored: 1_000_000,
					conversations: 100,
					frames: 600,
					floodSeconds: 60,
				},
		store: quick
			? {
					messages: 2000,
					perTick: 100,
					rates: [1000],
					paceSeconds: 0.3,
					openMessages: 5000,
					opens: 1,
				}
			: {
					messages: 50_000,
					perTick: 100,
					rates: [1000, 10_000],
					paceSeconds: 3,
					openMessages: 100_000,
					opens: 3,
				},
	};
}

/** `--help`: print the usage and exit 0. */
export class UsageRequest extends Error {}
