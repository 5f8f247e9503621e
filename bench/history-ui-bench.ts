// The client with its local history: frames and memory with 100,000 messages in the open
// conversation, memory and a search with 1,000,000 stored over 100, the CPU that writing adds
// under a flood (against --no-history, in the same run), and `chat join` → "connected" with
// that history against an empty one.
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
import {fillHistory, HISTORY_BENCH_HOST} from './history-fill.js';
import type {HistoryUiFigures, HistoryUiSettings} from './history-ui-worker.js';
import {timeJoinToConnected} from './join-to-connected.js';
import {median, percentile} from './stats.js';
import {ensureBuilt} from '../scripts/ensure-built.js';
import {CI_VARIABLES} from '../source/ui/ink-draws-frames.js';

const WORKER = fileURLToPath(new URL('history-ui-worker.ts', import.meta.url));
const WORKER_DEADLINE_MS = 600_000;
const JOIN_ATTEMPTS = 5;
const CONTENDER = 'chat join (Ink), history';
const MiB = 2 ** 20;

function benchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = {...process.env, ...extra};
	for (const name of CI_VARIABLES) Reflect.deleteProperty(env, name);
	env['NODE_ENV'] ??= 'production';
	return env;
}

/** Fills a history in this process, then runs the worker on it; the folder goes afterwards. */
async function runFilled(
	fill: {messages: number; conversations: number},
	settings: Omit<HistoryUiSettings, 'dir' | 'messages' | 'conversations'>,
): Promise<HistoryUiFigures & {fillMs: number}> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-bench-history-'));
	try {
		const started = performance.now();
		if (settings.history) fillHistory({dir, host: HISTORY_BENCH_HOST, self: 'me', ...fill});
		const fillMs = performance.now() - started;
		return {...(await runWorker({...settings, ...fill, dir})), fillMs};
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
}

function runWorker(settings: HistoryUiSettings): Promise<HistoryUiFigures> {
	const child = fork(WORKER, [JSON.stringify(settings)], {
		execArgv: ['--import', 'tsx', '--expose-gc'],
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

export async function benchHistoryUi(options: BenchOptions, report: BenchReport): Promise<void> {
	const {oneConversation, stored, conversations, floodSeconds} = options.historyUi;
	const frames = options.ui.frames;
	const add = (
		benchmark: string,
		result: string,
		target: string,
		figures: Record<string, number>,
	) => report.add({benchmark, contender: CONTENDER, result, target, figures});

	const one = await runFilled(
		{messages: oneConversation, conversations: 1},
		{history: true, frames, floodSeconds},
	);
	const none = await runFilled(
		{messages: 0, conversations: 1},
		{history: false, frames: 0, floodSeconds},
	);
	const many = await runFilled(
		{messages: stored, conversations},
		{history: true, frames: 0, floodSeconds: 0},
	);

	const oneName = `history, ${whole(oneConversation)} messages in one conversation`;
	const frameMedian = median(one.frameMs);
	const frameP99 = percentile(one.frameMs, 0.99);
	add(
		oneName,
		`frame on a new message: median ${fixed(frameMedian)} ms, p99 ${fixed(frameP99)} ms`,
		'< 8 ms both',
		{
			frameMedianMs: frameMedian,
			frameP99Ms: frameP99,
		},
	);
	const slow = one.frameMs
		.map((ms, index) => ({ms, gc: one.frameHadGc[index] === true}))
		.filter((frame) => frame.ms >= 8);
	add(
		oneName,
		`frames of 8 ms or more: ${slow.length} of ${one.frameMs.length}, ${slow.filter((frame) => frame.gc).length} with a garbage collection in them; ${one.frameHadGc.filter(Boolean).length} frames in all had one`,
		'',
		{slowFrames: slow.length, slowFramesWithGc: slow.filter((frame) => frame.gc).length},
	);
	add(oneName, `memory: RSS ${fixed(one.rssBytes / MiB, 0)} MiB`, '≤ 120 MiB', {
		rssBytes: one.rssBytes,
	});
	const perMessage = (figures: HistoryUiFigures) =>
		figures.floodCpuMs / Math.max(1, figures.floodMessages);
	const added = perMessage(one) / perMessage(none) - 1;
	add(
		oneName,
		`flood of 1,000 msg/s: ${fixed(perMessage(one) * 1000, 0)} µs CPU a message, ${fixed(perMessage(none) * 1000, 0)} µs with --no-history (${fixed(added * 100, 0)}% more)`,
		'< 5% more',
		{
			cpuPerMessageUs: perMessage(one) * 1000,
			cpuPerMessageNoHistoryUs: perMessage(none) * 1000,
			addedShare: added,
		},
	);

	const manyName = `history, ${whole(stored)} stored over ${conversations} conversations`;
	add(
		manyName,
		`memory: RSS ${fixed(many.rssBytes / MiB, 0)} MiB (filled in ${whole(many.fillMs)} ms)`,
		'≤ 130 MiB',
		{
			rssBytes: many.rssBytes,
			fillMs: many.fillMs,
		},
	);
	add(manyName, `/search -a, first results on screen: ${fixed(many.searchMs, 0)} ms`, '< 200 ms', {
		searchMs: many.searchMs,
	});

	ensureBuilt();
	const host = await startRelay('host');
	const dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-bench-join-'));
	const emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-bench-join-empty-'));
	try {
		fillHistory({
			dir: path.join(dataHome, 'chat'),
			host: `127.0.0.1:${host.port}`,
			self: 'joinh',
			messages: stored,
			conversations,
		});
		const full: number[] = [];
		const empty: number[] = [];
		// Interleaved, so a busy moment of the machine falls on both.
		for (let attempt = 0; attempt < (options.quick ? 1 : JOIN_ATTEMPTS); attempt++) {
			full.push(
				(await timeJoinToConnected(host.port, 'joinh', benchEnv({XDG_DATA_HOME: dataHome})))
					.connectedMs,
			);
			empty.push(
				(
					await timeJoinToConnected(
						host.port,
						`joine${attempt}`,
						benchEnv({XDG_DATA_HOME: emptyHome}),
					)
				).connectedMs,
			);
		}
		const crash = host.crash();
		if (crash) report.fail(`history UI: ${crash}`);
		add(
			manyName,
			`chat join → "connected": median ${whole(median(full))} ms, ${whole(median(empty))} ms with an empty history (${full.length} runs each)`,
			'< 400 ms, within 50 ms',
			{joinFullMs: median(full), joinEmptyMs: median(empty)},
		);
	} finally {
		await host.stop();
		fs.rmSync(dataHome, {recursive: true, force: true});
		fs.rmSync(emptyHome, {recursive: true, force: true});
	}
}
