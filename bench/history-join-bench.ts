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

async function joinRow(run: HistoryJoinRun): Promise<void> {
	const full: number[] = [];
	const empty: number[] = [];
	for (let attempt = 0; attempt < run.attempts.join; attempt++) {
		const at = (home: string) => run.env({XDG_DATA_HOME: home});
		full.push((await timeJoinToConnected(run.port, run.self, at(run.homes.many))).connectedMs);
		empty.push(
			(await timeJoinToConnected(run.port, `${run.self}e${attempt}`, at(run.homes.empty)))
				.connectedMs,
		);
	}
	const [fullMs, emptyMs] = [median(full), median(empty)];
	run.add(
		run.names.many,
		`chat join → "connected": median ${whole(fullMs)} ms, ${whole(emptyMs)} ms with an empty history (${fullMs >= emptyMs ? '+' : '−'}${whole(Math.abs(fullMs - emptyMs))} ms; ${full.length} runs each)`,
		'< 400 ms, within 50 ms',
		{joinFullMs: fullMs, joinEmptyMs: emptyMs},
	);
}

export async function benchHistoryJoins(run: HistoryJoinRun): Promise<void> {
	await memoryRows(run);
	await joinRow(run);
}
