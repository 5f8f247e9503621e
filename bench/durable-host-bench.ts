// The host on its store, end to end over TCP (issue 9): STORED messages a second (each answered
// only once durable), the start of a host whose store holds many stored messages, and live relay
// throughput and p99 between online users with a store and without, in the same run, to show
// that acknowledging durability does not slow live chat.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startHost, type RunningHost} from '../source/host/start-host.js';
import {openDurableStore, type DurableStore} from '../source/host/store/durable-store.js';
import {StoreNameOwners} from '../source/host/store/store-name-owners.js';
import {nameKey} from '../source/protocol/name-key.js';
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import {connectLines, type LineSocket} from './line-socket.js';
import {median, percentile, ratio} from './stats.js';

/** SENDs in flight per sender: enough to fill each tick's commit, as a busy host would. */
const WINDOW = 64;
const LIVE_PAIRS = 4;
const LOGIN_DEADLINE_MS = 10_000;

type Host = {host: RunningHost; store: DurableStore | undefined; dir: string | undefined};

async function openHost(withStore: boolean, owned: readonly string[] = []): Promise<Host> {
	const dir = withStore ? fs.mkdtempSync(path.join(os.tmpdir(), 'chat-bench-')) : undefined;
	const store = dir === undefined ? undefined : openDurableStore({dir});
	const owners = store && new StoreNameOwners(store.names, () => {});
	for (const name of owned) {
		const claim = {nameKey: nameKey(name), name, publicKey: randomBytes(32), nowMs: Date.now()};
		await owners?.bind(claim);
	}

	const host = await startHost({
		port: 0,
		bind: '127.0.0.1',
		rate: 0,
		maxPerAddress: 0,
		maxStoredMessages: Number.MAX_SAFE_INTEGER,
		maxStoredBytes: Number.MAX_SAFE_INTEGER,
		...(store && owners ? {store, owners} : {}),
	});
	return {host, store, dir};
}

async function closeHost({host, store, dir}: Host): Promise<void> {
	await host.close();
	await store?.close();
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
}

async function login(port: number, name: string): Promise<LineSocket> {
	const socket = await connectLines(port);
	socket.send(`HELLO 1 ${name}`);
	await socket.waitFor(/^USERS-END$/, LOGIN_DEADLINE_MS);
	return socket;
}

/**
 * Sends `count` messages from `sender` to `to`, WINDOW in flight, and resolves with each one's
 * time from SEND to its answer (`answer`: STORED or DELIVERED), in ms.
 */
async function sendWindowed(
	sender: LineSocket,
	to: string,
	count: number,
	answer: RegExp,
): Promise<number[]> {
	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	let next = 0;
	const sendOne = () => {
		const ref = `b${next++}`;
		sentAt.set(ref, performance.now());
		sender.send(`SEND ${ref} ${to} :a message of an ordinary length, about sixty characters`);
	};

	return new Promise((resolve, reject) => {
		sender.watch((line) => {
			const match = answer.exec(line);
			if (!match) {
				if (line.startsWith('FAILED')) reject(new Error(line));
				return;
			}

			const started = sentAt.get(match[1] ?? '');
			if (started === undefined) return;
			latencies.push(performance.now() - started);
			if (next < count) sendOne();
			if (latencies.length === count) resolve(latencies);
		});
		for (let index = 0; index < Math.min(WINDOW, count); index++) sendOne();
	});
}

async function storedRate(messages: number): Promise<number> {
	const host = await openHost(true, ['bob']);
	try {
		const alice = await login(host.host.port, 'alice');
		const started = performance.now();
		await sendWindowed(alice, 'bob', messages, /^STORED (\S+) /);
		return messages / ((performance.now() - started) / 1000);
	} finally {
		await closeHost(host);
	}
}

async function startWithStored(messages: number): Promise<number> {
	const host = await openHost(true, ['bob']);
	const dir = host.dir ?? '';
	const alice = await login(host.host.port, 'alice');
	await sendWindowed(alice, 'bob', messages, /^STORED (\S+) /);
	await host.host.close();
	await host.store?.close();
	const started = performance.now();
	const store = openDurableStore({dir});
	const again = await startHost({port: 0, bind: '127.0.0.1', store});
	const ms = performance.now() - started;
	await closeHost({host: again, store, dir});
	return ms;
}

async function liveRun(
	withStore: boolean,
	messages: number,
): Promise<{perSecond: number; p99: number}> {
	const host = await openHost(withStore);
	try {
		const pairs = await Promise.all(
			Array.from({length: LIVE_PAIRS}, async (_, index) => ({
				sender: await login(host.host.port, `s${index}`),
				recipient: await login(host.host.port, `r${index}`),
				to: `r${index}`,
			})),
		);
		const started = performance.now();
		const latencies = await Promise.all(
			pairs.map(async ({sender, to}) => sendWindowed(sender, to, messages, /^DELIVERED (\S+) /)),
		);
		const seconds = (performance.now() - started) / 1000;
		return {
			perSecond: (messages * LIVE_PAIRS) / seconds,
			p99: percentile(latencies.flat(), 0.99),
		};
	} finally {
		await closeHost(host);
	}
}

export async function benchDurableHost(options: BenchOptions, report: BenchReport): Promise<void> {
	const {messages, openMessages} = options.store;
	const rates: number[] = [];
	const live: Record<'memory' | 'store', Array<{perSecond: number; p99: number}>> = {
		memory: [],
		store: [],
	};
	// Interleaved rounds, so the machine's load falls on both alike.
	for (let round = 0; round < options.rounds; round++) {
		rates.push(await storedRate(messages));
		live.memory.push(await liveRun(false, messages / LIVE_PAIRS));
		live.store.push(await liveRun(true, messages / LIVE_PAIRS));
	}

	const rate = median(rates);
	report.add({
		benchmark: `chat host: SEND to an offline owner → STORED, ${WINDOW} in flight`,
		contender: 'chat host --data',
		result: `${whole(rate)} msg/s`,
		figures: {storedPerSecond: rate, messages},
	});
	const startMs = await startWithStored(openMessages);
	report.add({
		benchmark: `chat host start with ${whole(openMessages)} stored messages`,
		contender: 'chat host --data',
		result: `${whole(startMs)} ms (store open + listen)`,
		figures: {messages: openMessages, startMs},
	});
	const memoryRate = median(live.memory.map((run) => run.perSecond));
	const memoryP99 = median(live.memory.map((run) => run.p99));
	for (const [name, runs] of [
		['in memory (no store)', live.memory],
		['chat host --data (store)', live.store],
	] as const) {
		const perSecond = median(runs.map((run) => run.perSecond));
		const p99 = median(runs.map((run) => run.p99));
		report.add({
			benchmark: `live relay, ${LIVE_PAIRS} online pairs, ${WINDOW} in flight each: msg/s, SEND→DELIVERED p99`,
			contender: name,
			result: `${whole(perSecond)} msg/s, p99 ${fixed(p99, 2)} ms`,
			vsBare:
				runs === live.memory
					? ''
					: `${times(ratio(perSecond, memoryRate))} rate, ${times(ratio(p99, memoryP99))} p99`,
			figures: {messagesPerSecond: perSecond, p99Ms: p99},
		});
	}
}
