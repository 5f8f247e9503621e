// The history's rows measured on what users run: the built `chat join` (dist/cli.js) in a
// pseudo-terminal against a real host, with XDG_DATA_HOME on a history filled in advance. Its
// settled RSS with a conversation open (against --no-history), and spawn → "connected" (against
// an empty history), each pair interleaved so a busy moment of the machine falls on both.
import {fixed, whole} from './bench-report.js';
import {measureJoinMemory, type JoinMemory} from './join-memory.js';
import {timeJoinToConnected} from './join-to-connected.js';
import {median} from './stats.js';

/** Data homes: one conversation of many messages, many stored over many, and none. */
export type HistoryHomes = {one: string; many: string; empty: string};

export type HistoryJoinRun = {
	port: number;
	/** The own name the homes were filled for. */
	self: string;
	homes: HistoryHomes;
	env: (extra: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
	attempts: {memory: number; join: number};
	/** `--baseline DIR`: that checkout's built `chat`, timed in the same rounds as this one's. */
	baselineCli?: string;
	names: {one: string; many: string};
	add: (benchmark: string, result: string, target: string, figures: Record<string, number>) => void;
};

const MiB = 2 ** 20;
const ALT_1 = '\u001B1';
/** A stored message on screen: the conversation is open with its history. */
const STORED_LINE = /history line \d+:/;

const mib = (bytes: number) => fixed(bytes / MiB, 0);

function medianMemory(reads: JoinMemory[]): JoinMemory {
	return {
		rssBytes: median(reads.map((read) => read.rssBytes)),
		anonBytes: median(reads.map((read) => read.anonBytes)),
		fileBytes: median(reads.map((read) => read.fileBytes)),
	};
}

async function memoryRows(run: HistoryJoinRun): Promise<void> {
	const {port, self, homes, env} = run;
	const one: JoinMemory[] = [];
	const many: JoinMemory[] = [];
	const none: JoinMemory[] = [];
	const open = {keys: ALT_1, shows: STORED_LINE};
	for (let attempt = 0; attempt < run.attempts.memory; attempt++) {
		const withHome = (home: string) => env({XDG_DATA_HOME: home});
		one.push(await measureJoinMemory({port, name: self, env: withHome(homes.one), open}));
		many.push(await measureJoinMemory({port, name: self, env: withHome(homes.many), open}));
		none.push(
			await measureJoinMemory({
				port,
				name: `${self}n`,
				env: withHome(homes.empty),
				args: ['--no-history'],
			}),
		);
	}
	const bare = medianMemory(none);
	const row = (name: string, reads: JoinMemory[], target: string) => {
		const memory = medianMemory(reads);
		run.add(
			name,
			`memory (built chat join): RSS ${mib(memory.rssBytes)} MiB (${mib(memory.anonBytes)} anonymous, ${mib(memory.fileBytes)} file), ${mib(bare.rssBytes)} MiB with --no-history (${fixed(memory.rssBytes / bare.rssBytes)}×; median of ${reads.length})`,
			target,
			{
				rssBytes: memory.rssBytes,
				anonBytes: memory.anonBytes,
				rssNoHistoryBytes: bare.rssBytes,
				ratio: memory.rssBytes / bare.rssBytes,
			},
		);
	};
	row(run.names.one, one, '≤ 120 MiB');
	row(run.names.many, many, '≤ 130 MiB');
}

type JoinTimings = {full: number[]; empty: number[]};

/**
 * One round of a checkout's joins: with the filled history and with an empty one, in the order
 * given (the rounds alternate it, so whatever favours the first or the second of two joins
 * weighs on both alike).
 */
async function joinRound(
	run: HistoryJoinRun,
	into: JoinTimings,
	emptyName: string,
	fullFirst: boolean,
	cli?: string,
): Promise<void> {
	const at = (home: string) => run.env({XDG_DATA_HOME: home});
	const join = async (name: string, home: string, times: number[]) => {
		times.push((await timeJoinToConnected(run.port, name, at(home), cli)).connectedMs);
	};
	const full = async () => join(run.self, run.homes.many, into.full);
	const empty = async () => join(emptyName, run.homes.empty, into.empty);
	for (const next of fullFirst ? [full, empty] : [empty, full]) await next();
}

/** What the baseline checkout took, as a clause of the row (empty without --baseline). */
function baselineClause(ours: number, theirs: JoinTimings): string {
	if (theirs.full.length === 0) return '';
	const [fullMs, emptyMs] = [median(theirs.full), median(theirs.empty)];
	return `; baseline checkout, same rounds: ${whole(fullMs)} ms, ${whole(emptyMs)} ms empty (${fixed(ours / fullMs)}×)`;
}

async function joinRow(run: HistoryJoinRun): Promise<void> {
	const ours: JoinTimings = {full: [], empty: []};
	const baseline: JoinTimings = {full: [], empty: []};
	for (let attempt = 0; attempt < run.attempts.join; attempt++) {
		const fullFirst = attempt % 2 === 0;
		await joinRound(run, ours, `${run.self}e${attempt}`, fullFirst);
		// Right after this checkout's, so a busy moment of the machine falls on both.
		if (run.baselineCli) {
			await joinRound(run, baseline, `${run.self}b${attempt}`, fullFirst, run.baselineCli);
		}
	}
	const [fullMs, emptyMs] = [median(ours.full), median(ours.empty)];
	const baselineFigures: Record<string, number> =
		baseline.full.length === 0
			? {}
			: {baselineJoinFullMs: median(baseline.full), baselineJoinEmptyMs: median(baseline.empty)};
	run.add(
		run.names.many,
		`chat join → "connected": median ${whole(fullMs)} ms, ${whole(emptyMs)} ms with an empty history (${fullMs >= emptyMs ? '+' : '−'}${whole(Math.abs(fullMs - emptyMs))} ms; ${ours.full.length} runs each)${baselineClause(fullMs, baseline)}`,
		'< 400 ms, within 50 ms',
		{joinFullMs: fullMs, joinEmptyMs: emptyMs, ...baselineFigures},
	);
}

export async function benchHistoryJoins(run: HistoryJoinRun): Promise<void> {
	await memoryRows(run);
	await joinRow(run);
}
