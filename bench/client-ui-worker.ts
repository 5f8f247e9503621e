// The Ink client, headless, in a process of its own (so its memory is its own): a long history,
// then frames on new messages, conversation switches, and an idle spell. Reports over IPC.
import {PerformanceObserver} from 'node:perf_hooks';
import {startHeadlessChatScreen, WARMUP_FRAMES} from './headless-chat-screen.js';

export type ClientUiSettings = {history: number; frames: number; idleSeconds: number};

export type ClientUiFigures = {
	historyLoadMs: number;
	frameMs: number[];
	/** The frames before those timed (WARMUP_FRAMES). */
	warmupMs: number[];
	switchMs: number[];
	rssBytes: number;
	heapUsedBytes: number;
	idleCpuMs: number;
	/** Garbage collections in the idle spell: V8 finishing off the load, not a timer of ours. */
	idleGcCount: number;
	idleGcMs: number;
	idleWrites: number;
};

/** Ink draws at most 30 frames a second; a gap past that makes each sample a fresh frame. */
const FRAME_GAP_MS = 50;
const OTHER_CONVERSATION_MESSAGES = 100;
const CTRL_N = '\u000E';
const CTRL_P = '\u0010';

const settings = JSON.parse(process.argv[2] ?? '{}') as ClientUiSettings;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const {stdout, stdin, client, finished, receive, timeFrame} = startHeadlessChatScreen({
	hostLabel: 'bench',
	follow: true,
});

await timeFrame('carol', () => {
	client.emit({type: 'state', state: 'connected'});
	client.emit({type: 'welcome', name: 'me', users: ['bob', 'carol', 'me']});
});

// Carol first, then Bob: following switches to Bob, whose conversation holds the long history.
const historyLoadMs = await timeFrame('bob-history-end', () => {
	for (let index = 1; index < OTHER_CONVERSATION_MESSAGES; index++)
		receive('carol', `carol ${index}`);
	receive('carol', 'carol-last');
	for (let index = 1; index < settings.history; index++) {
		receive('bob', `history line ${index}: a message of an ordinary length, about sixty bytes`);
	}
	receive('bob', 'bob-history-end');
});
(globalThis as {gc?: () => void}).gc?.();
const {rss: rssBytes, heapUsed: heapUsedBytes} = process.memoryUsage();

const warmupMs: number[] = [];
const frameMs: number[] = [];
let bobLast = 'bob-history-end';
for (let index = 0; index < WARMUP_FRAMES + settings.frames; index++) {
	await pause(FRAME_GAP_MS);
	bobLast = `live${index}x`;
	const took = await timeFrame(bobLast, () => receive('bob', `${bobLast} a new message arrives`));
	(index < WARMUP_FRAMES ? warmupMs : frameMs).push(took);
}

const switchMs: number[] = [];
for (let index = 0; index < Math.max(1, settings.frames / 10); index++) {
	await pause(FRAME_GAP_MS);
	switchMs.push(await timeFrame('carol-last', () => stdin.type(CTRL_N)));
	await pause(FRAME_GAP_MS);
	switchMs.push(await timeFrame(bobLast, () => stdin.type(CTRL_P)));
}

await pause(FRAME_GAP_MS);
const writesBefore = stdout.writes;
let idleGcCount = 0;
let idleGcMs = 0;
const gcWatch = new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		idleGcCount++;
		idleGcMs += entry.duration;
	}
});
gcWatch.observe({entryTypes: ['gc']});
const cpuBefore = process.cpuUsage();
await pause(settings.idleSeconds * 1000);
const idle = process.cpuUsage(cpuBefore);
gcWatch.disconnect();
const figures: ClientUiFigures = {
	historyLoadMs,
	frameMs,
	warmupMs,
	switchMs,
	rssBytes,
	heapUsedBytes,
	idleCpuMs: (idle.user + idle.system) / 1000,
	idleGcCount,
	idleGcMs,
	idleWrites: stdout.writes - writesBefore,
};

await client.quit();
const outcome = await finished;
process.send?.({figures, exitCode: outcome.exitCode});
process.disconnect();
