// The Ink client with a local history on disk, headless, in a process of its own: a history
// filled in advance, then frames on new messages, a /search, and the CPU of a flood of
// 1,000 messages a second, in windows that write the history and windows that do not. Reports over IPC.
import {writeFileSync} from 'node:fs';
import {Session} from 'node:inspector/promises';
import {PerformanceObserver} from 'node:perf_hooks';
import {HISTORY_INDEX_STEP_ROWS} from '../source/history/history-limits.js';
import {HistoryStore} from '../source/history/history-store.js';
import {startHeadlessChatScreen, WARMUP_FRAMES} from './headless-chat-screen.js';
import {partnerOf} from './history-fill.js';

export type HistoryUiSettings = {
	/** False: --no-history (nothing is kept, no search), to run the frames without a store. */
	history: boolean;
	/** The history, filled by the parent (so the fill's memory is not this process's). */
	dir: string;
	/** The host as joined and the own name it was filled for. */
	host: string;
	self: string;
	messages: number;
	conversations: number;
	frames: number;
	floodSeconds: number;
	/** A .cpuprofile of the frames alone is written here (by hand, to see what a frame costs). */
	profileFile?: string;
};

export type HistoryUiFigures = {
	frameMs: number[];
	/** The frames before those timed (WARMUP_FRAMES), not counted in the others. */
	warmupMs: number[];
	/** The process's CPU time in each frame: what it costs on an idle core, whatever the load. */
	frameCpuMs: number[];
	/** Whether a garbage collection ran during each frame. */
	frameHadGc: boolean[];
	/** Whether the history committed its queued writes during each frame. */
	frameHadCommit: boolean[];
	searchMs: number;
	searchCommonMs: number;
	/** The queries alone, in the order searched. */
	searchQueryMs: number[];
	/** The flood's windows that write the history: their CPU and messages. */
	floodCpuMs: number;
	floodMessages: number;
	/** The windows between, which keep nothing. */
	floodUnwrittenCpuMs: number;
	floodUnwrittenMessages: number;
	/** Each neighbouring pair of windows: the writing one's CPU a message over the other's. */
	floodPairRatios: number[];
	/** Of the writing windows' CPU, what the history's own calls spent. */
	floodHistoryMs: number;
	/** The flood's rows the search index waited to take, and the CPU of indexing them after it. */
	floodIndexed: number;
	floodIndexMs: number;
};

const FRAME_GAP_MS = 50;
const FLOOD_PER_MS = 1;
/** The flood alternates windows of this length with and without writing the history. */
const FLOOD_WINDOW_MS = 500;
const ENTER = '\r';

const settings = JSON.parse(process.argv[2] ?? '{}') as HistoryUiSettings;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const first = partnerOf(0, settings.conversations);

const history = settings.history
	? new HistoryStore({dir: settings.dir, host: settings.host, self: settings.self})
	: undefined;

const {stdin, client, finished, receive, timeFrame} = startHeadlessChatScreen({
	hostLabel: settings.host,
	self: settings.self,
	follow: false,
	history,
	idPrefix: 'live',
});
// The status bar's count shows once connected; the first partner may be below the list's fold.
await timeFrame(' online │ ', () => {
	client.emit({type: 'state', state: 'connected'});
	client.emit({type: 'welcome', name: settings.self, users: [first, settings.self]});
});
// The newest stored message of the first conversation shows once it is open.
const newest =
	Math.floor((settings.messages - 1) / settings.conversations) * settings.conversations;
// Chosen by name: Alt+1 is the most recent conversation the history brought back, not the first.
stdin.type(`to:${first}`);
await pause(FRAME_GAP_MS);
if (settings.history) await timeFrame(`history line ${newest}:`, () => stdin.type(ENTER));
else stdin.type(ENTER);
await pause(FRAME_GAP_MS * 4);

type Span = {start: number; end: number};
const overlaps = (spans: Span[], start: number, end: number) =>
	spans.some((span) => span.start < end && span.end > start);
// Which frames a garbage collection or a history commit fell in, to tell a slow frame's cause.
const collections: Span[] = [];
const gcWatch = new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		collections.push({start: entry.startTime, end: entry.startTime + entry.duration});
	}
});
gcWatch.observe({entryTypes: ['gc']});
const commits: Span[] = [];
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
/**
 * Time spent inside the history's own calls (keeping a message, committing), all along: a
 * commit's CPU; a kept message's time, since two CPU readings cost several times the call.
 */
let historyMs = 0;
/** Off in the flood's windows without writing: the same screen and client, nothing kept. */
let writing = true;
if (history) {
	const flush = history.flush.bind(history);
	// An own property shadows the method, so the store's timer commits through it too.
	history.flush = () => {
		const start = performance.now();
		const cpu = process.cpuUsage();
		flush();
		commits.push({start, end: performance.now()});
		historyMs += cpuMs(process.cpuUsage(cpu));
	};
	const record = history.record.bind(history);
	history.record = (...args) => {
		if (!writing) return;
		const start = performance.now();
		record(...args);
		historyMs += performance.now() - start;
	};
}
// How long each search's query took, inside the time to its frame.
const queries: number[] = [];
if (history) {
	const search = history.search.bind(history);
	history.search = (...args) => {
		const start = performance.now();
		const hits = search(...args);
		queries.push(performance.now() - start);
		return hits;
	};
}
const profiler = settings.profileFile === undefined ? undefined : new Session();
if (profiler) {
	profiler.connect();
	await profiler.post('Profiler.enable');
	await profiler.post('Profiler.setSamplingInterval', {interval: 100});
	await profiler.post('Profiler.start');
}
const warmupMs: number[] = [];
for (let index = 0; settings.frames > 0 && index < WARMUP_FRAMES; index++) {
	await pause(FRAME_GAP_MS);
	const needle = `warm${index}x`;
	warmupMs.push(await timeFrame(needle, () => receive(first, `${needle} a new message arrives`)));
}
const frameMs: number[] = [];
const frameCpuMs: number[] = [];
const frameHadGc: boolean[] = [];
const frameHadCommit: boolean[] = [];
for (let index = 0; index < settings.frames; index++) {
	await pause(FRAME_GAP_MS);
	const needle = `live${index}x`;
	const started = performance.now();
	const cpu = process.cpuUsage();
	const took = await timeFrame(needle, () => receive(first, `${needle} a new message arrives`));
	const spent = process.cpuUsage(cpu);
	frameMs.push(took);
	frameCpuMs.push((spent.user + spent.system) / 1000);
	const ended = started + took;
	await pause(0);
	frameHadGc.push(overlaps(collections, started, ended));
	frameHadCommit.push(overlaps(commits, started, ended));
}
gcWatch.disconnect();
if (profiler && settings.profileFile !== undefined) {
	const {profile} = await profiler.post('Profiler.stop');
	writeFileSync(settings.profileFile, JSON.stringify(profile));
	profiler.disconnect();
}

/** Enter on `/search -a WORD` to the frame of its results; Esc goes back. */
async function timeSearch(word: string): Promise<number> {
	stdin.type(`/search -a ${word}`);
	await pause(FRAME_GAP_MS);
	const took = await timeFrame('found', () => stdin.type('\r'));
	stdin.type('\u001B');
	await pause(FRAME_GAP_MS);
	return took;
}
// A word in one message of 1,000, and one in every message.
const searchMs = settings.history ? await timeSearch('zebrafinch') : Number.NaN;
const searchCommonMs = settings.history ? await timeSearch('ordinary') : Number.NaN;

// The flood: a message every millisecond, from the partner shown, in windows that write the
// history and windows that do not, in turn (W U U W W U U W …, so a drift over the flood weighs on
// both alike), after a window of each that is not counted (the flood's code warming up).
type FloodWindows = {cpuMs: number; messages: number};
const written: FloodWindows = {cpuMs: 0, messages: 0};
const unwritten: FloodWindows = {cpuMs: 0, messages: 0};
let historyBefore = historyMs;
let floodMessages = 0;
/** CPU a message of the pair's window that writes, and of the one that does not. */
let pair: {written?: number; unwritten?: number} = {};
const floodPairRatios: number[] = [];
const windows = Math.max(2, Math.round((settings.floodSeconds * 1000) / FLOOD_WINDOW_MS));
for (let window = -2; settings.floodSeconds > 0 && window < windows; window++) {
	const warmingUp = window < 0;
	writing = warmingUp ? window === -2 : ((window + 1) >> 1) % 2 === 0;
	if (window === 0) historyBefore = historyMs;
	const into = warmingUp ? {cpuMs: 0, messages: 0} : writing ? written : unwritten;
	const cpuBefore = process.cpuUsage();
	const end = Date.now() + FLOOD_WINDOW_MS;
	let sent = 0;
	await new Promise<void>((resolve) => {
		const timer = setInterval(() => {
			for (let index = 0; index < FLOOD_PER_MS; index++, floodMessages++, sent++) {
				receive(first, `flood ${floodMessages}: a message of an ordinary length, about sixty b`);
			}
			if (Date.now() >= end) {
				clearInterval(timer);
				resolve();
			}
		}, 1);
	});
	// A window's writes are committed in it, not in the next.
	history?.flush();
	const spent = cpuMs(process.cpuUsage(cpuBefore));
	into.cpuMs += spent;
	into.messages += sent;
	if (warmingUp) continue;
	pair[writing ? 'written' : 'unwritten'] = spent / Math.max(1, sent);
	if (pair.written !== undefined && pair.unwritten !== undefined) {
		floodPairRatios.push(pair.written / pair.unwritten);
		pair = {};
	}
}
writing = true;
const floodHistoryMs = historyMs - historyBefore;
// The search index waits out a flood; what building it afterwards costs, in the steps it takes.
const indexCpu = process.cpuUsage();
let floodIndexed = 0;
for (let step = HISTORY_INDEX_STEP_ROWS; history && step === HISTORY_INDEX_STEP_ROWS;) {
	step = history.indexWaiting(HISTORY_INDEX_STEP_ROWS);
	floodIndexed += step;
}
const floodIndexMs = cpuMs(process.cpuUsage(indexCpu));

const figures: HistoryUiFigures = {
	frameMs,
	warmupMs,
	frameCpuMs,
	frameHadGc,
	frameHadCommit,
	searchMs,
	searchCommonMs,
	searchQueryMs: queries,
	floodCpuMs: written.cpuMs,
	floodMessages: written.messages,
	floodUnwrittenCpuMs: unwritten.cpuMs,
	floodUnwrittenMessages: unwritten.messages,
	floodPairRatios,
	floodHistoryMs,
	floodIndexed,
	floodIndexMs,
};
await client.quit();
const outcome = await finished;
history?.close();
process.send?.({figures, exitCode: outcome.exitCode});
process.disconnect();
