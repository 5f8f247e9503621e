// The client with its local history, on histories filled in advance: 100,000 messages in one
// conversation, and 1,000,000 stored over 100. The built `chat join` gives the memory and the
// start-up rows (history-join-bench.ts); a headless worker gives the frames on a new message,
// a search, and the CPU that writing adds under a flood (windows with and without, in turn).
import {fork} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, whole} from './bench-report.js';
import {startRelay} from './contenders.js';
import {withDeadline} from './deferred.js';
import {fillHistory} from './history-fill.js';
import {benchHistoryJoins, type HistoryHomes} from './history-join-bench.js';
import type {HistoryUiFigures, HistoryUiSettings} from './history-ui-worker.js';
import {median, percentile} from './stats.js';
import {ensureBuilt} from '../scripts/ensure-built.js';
import {CI_VARIABLES} from '../source/ui/ink-draws-frames.js';

const WORKER = fileURLToPath(new URL('history-ui-worker.ts', import.meta.url));
const WORKER_DEADLINE_MS = 600_000;
/**
 * Joins timed with each history, the order of the two alternating: a join's time strays by tens
 * of ms from run to run, and the row judges a difference of 50 ms between two medians.
 */
const JOIN_ATTEMPTS = 10;
const MEMORY_ATTEMPTS = 3;
const CONTENDER = 'chat join (Ink), history';
/** The own name every history is filled for, and the bench's joins log in as. */
const SELF = 'joinh';

function benchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = {...process.env, ...extra};
	for (const name of CI_VARIABLES) Reflect.deleteProperty(env, name);
	env['NODE_ENV'] ??= 'production';
	return env;
}

/** The `--baseline` checkout's built `chat`, which must be there (`npm run build` in it). */
function builtBaseline(dir: string | undefined): string | undefined {
	if (dir === undefined) return undefined;
	const cli = path.join(dir, 'dist', 'cli.js');
	if (!fs.existsSync(cli)) throw new Error(`--baseline ${dir}: run npm run build there first`);
	return cli;
}

function runWorker(settings: HistoryUiSettings): Promise<HistoryUiFigures> {
	const child = fork(WORKER, [JSON.stringify(settings)], {
		execArgv: ['--import', 'tsx'],
		env: benchEnv(),
		stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
	});
	let errors = '';
	child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
	const reported = new Promise<HistoryUiFigures>((resolve, reject) => {
		child.once('message', (message: {figures: HistoryUiFigures; exitCode: number}) => {
			if (message.exitCode === 0) resolve(message.figures);
			else reject(new Error(`the chat screen ended with exit code ${message.exitCode}`));
		});
		child.once('exit', (code) => {
			reject(new Error(`the history worker exited (${code}) before reporting:\n${errors.trim()}`));
		});
	});
	return withDeadline(reported, WORKER_DEADLINE_MS, 'the history worker');
}

type Add = (
	benchmark: string,
	result: string,
	target: string,
	figures: Record<string, number>,
) => void;

function frameRows(name: string, one: HistoryUiFigures, add: Add): void {
	const frameMedian = median(one.frameMs);
	const frameP99 = percentile(one.frameMs, 0.99);
	const cpuMedian = median(one.frameCpuMs);
	const cpuP99 = percentile(one.frameCpuMs, 0.99);
	add(
		name,
		`frame on a new message: median ${fixed(frameMedian)} ms, p99 ${fixed(frameP99)} ms; its CPU: median ${fixed(cpuMedian)} ms, p99 ${fixed(cpuP99)} ms (after ${one.warmupMs.length} warm-up frames of up to ${fixed(Math.max(0, ...one.warmupMs))} ms)`,
		'< 8 ms both',
		{
			frameMedianMs: frameMedian,
			frameP99Ms: frameP99,
			frameCpuMedianMs: cpuMedian,
			frameCpuP99Ms: cpuP99,
		},
	);
	const frames = one.frameMs.map((ms, index) => ({
		ms,
		gc: one.frameHadGc[index] === true,
		commit: one.frameHadCommit[index] === true,
	}));
	const slow = frames.filter((frame) => frame.ms >= 8);
	const count = (list: typeof frames, key: 'gc' | 'commit') =>
		list.filter((frame) => frame[key]).length;
	add(
		name,
		`frames of 8 ms or more: ${slow.length} of ${frames.length}, ${count(slow, 'gc')} with a garbage collection in them, ${count(slow, 'commit')} with a history commit; of all frames ${count(frames, 'gc')} had a collection, ${count(frames, 'commit')} a commit`,
		'',
		{
			slowFrames: slow.length,
			slowFramesWithGc: count(slow, 'gc'),
			slowFramesWithCommit: count(slow, 'commit'),
		},
	);
}

function floodRow(name: string, one: HistoryUiFigures, add: Add): void {
	const perMessage = (cpuMs: number, messages: number) => cpuMs / Math.max(1, messages);
	const writing = perMessage(one.floodCpuMs, one.floodMessages);
	const notWriting = perMessage(one.floodUnwrittenCpuMs, one.floodUnwrittenMessages);
	const added = writing / notWriting - 1;
	// How far one pair of windows strays: the figure above is only as good as their number.
	const pairs = one.floodPairRatios;
	const [low, high] = [percentile(pairs, 0.25) - 1, percentile(pairs, 0.75) - 1];
	const inside = perMessage(one.floodHistoryMs, one.floodMessages);
	const index = perMessage(one.floodIndexMs, one.floodIndexed);
	// What the index took afterwards, spread over every message the flood wrote.
	const withIndex = (writing + perMessage(one.floodIndexMs, one.floodMessages)) / notWriting - 1;
	add(
		name,
		`flood of 1,000 msg/s: ${fixed(writing * 1000, 0)} µs CPU a message writing the history, ${fixed(notWriting * 1000, 0)} µs in the windows between that keep nothing (${fixed(added * 100, 1)}% more; of ${pairs.length} neighbouring pairs of windows, the middle half ${fixed(low * 100, 0)}% to ${fixed(high * 100, 0)}%); inside the history's own calls ${fixed(inside * 1000, 0)} µs a message; the search index took the ${whole(one.floodIndexed)} rows waiting only once it was over (the flood's and the frames' before it), ${fixed(index * 1000, 0)} µs each (${fixed(withIndex * 100, 1)}% more counting them all against the flood's ${whole(one.floodMessages)})`,
		'< 5% more',
		{
			cpuPerMessageUs: writing * 1000,
			cpuPerMessageUnwrittenUs: notWriting * 1000,
			addedShare: added,
			indexPerMessageUs: index * 1000,
			addedShareWithIndex: withIndex,
			historyCallsUs: inside * 1000,
		},
	);
}

export async function benchHistoryUi(options: BenchOptions, report: BenchReport): Promise<void> {
	const {oneConversation, stored, conversations, frames, floodSeconds} = options.historyUi;
	const add: Add = (benchmark, result, target, figures) =>
		report.add({benchmark, contender: CONTENDER, result, target, figures});
	const names = {
		one: `history, ${whole(oneConversation)} messages in one conversation`,
		many: `history, ${whole(stored)} stored over ${conversations} conversations`,
	};
	ensureBuilt();
	const host = await startRelay('host');
	// Kept under the host as joined, so the built chat join and the worker read the same files.
	const hostLabel = `127.0.0.1:${host.port}`;
	const made = () => fs.mkdtempSync(path.join(os.tmpdir(), 'chat-bench-history-'));
	const homes: HistoryHomes = {one: made(), many: made(), empty: made()};
	try {
		const fill = (home: string, messages: number, count: number) => {
			const started = performance.now();
			fillHistory({
				dir: path.join(home, 'chat'),
				host: hostLabel,
				self: SELF,
				messages,
				conversations: count,
			});
			return performance.now() - started;
		};
		fill(homes.one, oneConversation, 1);
		const fillMs = fill(homes.many, stored, conversations);
		await benchHistoryJoins({
			port: host.port,
			self: SELF,
			homes,
			env: benchEnv,
			attempts: {
				memory: options.quick ? 1 : MEMORY_ATTEMPTS,
				join: options.quick ? 1 : JOIN_ATTEMPTS,
			},
			names,
			add,
			baselineCli: builtBaseline(options.baseline),
		});
		const crash = host.crash();
		if (crash) report.fail(`history UI: ${crash}`);

		// After the joins: the worker's frames and flood are written into the one conversation.
		const worker = (home: string, settings: Omit<HistoryUiSettings, 'dir' | 'host' | 'self'>) =>
			runWorker({...settings, dir: path.join(home, 'chat'), host: hostLabel, self: SELF});
		const one = await worker(homes.one, {
			history: true,
			messages: oneConversation,
			conversations: 1,
			frames,
			floodSeconds,
		});
		const many = await worker(homes.many, {
			history: true,
			messages: stored,
			conversations,
			frames: 0,
			floodSeconds: 0,
		});
		frameRows(names.one, one, add);
		floodRow(names.one, one, add);
		add(
			names.many,
			`/search -a, first results on screen: ${fixed(many.searchMs, 0)} ms for a word in one message of 1,000, ${fixed(many.searchCommonMs, 0)} ms for one in every message (the queries: ${many.searchQueryMs.map((ms) => fixed(ms, 0)).join(' and ')} ms; filled in ${whole(fillMs)} ms)`,
			'< 200 ms',
			{searchMs: many.searchMs, searchCommonMs: many.searchCommonMs, fillMs},
		);
	} finally {
		await host.stop();
		for (const home of Object.values(homes)) fs.rmSync(home, {recursive: true, force: true});
	}
}
