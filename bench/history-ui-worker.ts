// The Ink client with a local history on disk, headless, in a process of its own: a history
// filled in advance, then frames on new messages, memory, a /search, and the CPU of a flood of
// 1,000 messages a second (with history, or with --no-history for comparison). Reports over IPC.
import {PerformanceObserver} from 'node:perf_hooks';
import {HistoryStore} from '../source/history/history-store.js';
import {runChatUi} from '../source/join/run-chat-ui.js';
import {FakeChatClient} from './fake-chat-client.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {HISTORY_BENCH_HOST, partnerOf} from './history-fill.js';

export type HistoryUiSettings = {
	/** False: --no-history, for the flood's comparison. */
	history: boolean;
	/** The history, filled by the parent (so the fill's memory is not this process's). */
	dir: string;
	messages: number;
	conversations: number;
	frames: number;
	floodSeconds: number;
};

export type HistoryUiFigures = {
	frameMs: number[];
	/** Whether a garbage collection ran during each frame. */
	frameHadGc: boolean[];
	rssBytes: number;
	searchMs: number;
	floodCpuMs: number;
	floodMessages: number;
};

const COLUMNS = 120;
const ROWS = 40;
const FRAME_GAP_MS = 50;
const FLOOD_PER_MS = 1;
const ENTER = '\r';

const settings = JSON.parse(process.argv[2] ?? '{}') as HistoryUiSettings;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stdout = new FakeStdout(COLUMNS, ROWS);
const stdin = new FakeStdin();
const client = new FakeChatClient();
const first = partnerOf(0, settings.conversations);
let nextId = 1;
const receive = (from: string, text: string) =>
	client.emit({type: 'message', id: `live${nextId++}`, time: Date.now(), from, to: 'me', text});

async function timeFrame(needle: string, act: () => void): Promise<number> {
	const frame = stdout.nextFrameWith(needle);
	const started = performance.now();
	act();
	return (await frame) - started;
}

const history = settings.history
	? new HistoryStore({dir: settings.dir, host: HISTORY_BENCH_HOST, self: 'me'})
	: undefined;

const finished = runChatUi({
	client,
	history,
	self: 'me',
	hostLabel: HISTORY_BENCH_HOST,
	follow: false,
	bell: false,
	stdin: stdin as unknown as NodeJS.ReadStream,
	stdout: stdout as unknown as NodeJS.WriteStream,
});
await timeFrame(first, () => {
	client.emit({type: 'state', state: 'connected'});
	client.emit({type: 'welcome', name: 'me', users: [first, 'me']});
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
(globalThis as {gc?: () => void}).gc?.();
const {rss: rssBytes} = process.memoryUsage();

// Which frames a garbage collection fell in, to tell a slow frame's cause.
const collections: Array<{start: number; end: number}> = [];
const gcWatch = new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		collections.push({start: entry.startTime, end: entry.startTime + entry.duration});
	}
});
gcWatch.observe({entryTypes: ['gc']});
const frameMs: number[] = [];
const frameHadGc: boolean[] = [];
for (let index = 0; index < settings.frames; index++) {
	await pause(FRAME_GAP_MS);
	const needle = `live${index}x`;
	const started = performance.now();
	const took = await timeFrame(needle, () => receive(first, `${needle} a new message arrives`));
	frameMs.push(took);
	const ended = started + took;
	await pause(0);
	frameHadGc.push(collections.some((gc) => gc.start < ended && gc.end > started));
}
gcWatch.disconnect();

let searchMs = Number.NaN;
if (settings.history) {
	stdin.type('/search -a zebrafinch');
	await pause(FRAME_GAP_MS);
	searchMs = await timeFrame('found', () => stdin.type('\r'));
	stdin.type('\u001B');
	await pause(FRAME_GAP_MS);
}

// The flood: a message every millisecond, from the partner shown, for floodSeconds.
const cpuBefore = process.cpuUsage();
let floodMessages = 0;
const floodEnd = Date.now() + settings.floodSeconds * 1000;
await new Promise<void>((resolve) => {
	const timer = setInterval(() => {
		for (let index = 0; index < FLOOD_PER_MS; index++, floodMessages++) {
			receive(first, `flood ${floodMessages}: a message of an ordinary length, about sixty b`);
		}
		if (Date.now() >= floodEnd) {
			clearInterval(timer);
			resolve();
		}
	}, 1);
});
history?.flush();
const flood = process.cpuUsage(cpuBefore);

const figures: HistoryUiFigures = {
	frameMs,
	frameHadGc,
	rssBytes,
	searchMs,
	floodCpuMs: (flood.user + flood.system) / 1000,
	floodMessages,
};
await client.quit();
const outcome = await finished;
history?.close();
process.send?.({figures, exitCode: outcome.exitCode});
process.disconnect();
