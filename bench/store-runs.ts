// The store's measurements, each on a fresh folder: stored messages per second with durability,
// how long each tick's commit blocks the event loop at a steady rate, and the open time of a
// store that holds many messages. The bare append log is measured the same way beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {openDurableStore} from '../source/host/store/durable-store.js';
import type {StoreDurability} from '../source/host/store/open-store-file.js';
import type {WaitingMessage} from '../source/host/store/waiting-messages.js';
import {BareStoreLog} from './bare-store-log.js';
import {benchText} from './bench-text.js';

/** Messages spread over this many recipients, as a team's mailboxes would be. */
const RECIPIENTS = 1000;
/** The first id: a realistic 16-digit host id. */
const FIRST_ID = 1_795_632_000_000_000;
/** The pacing tick for a steady rate: Node's timers do not go finer. */
const PACE_TICK_MS = 1;

export type StoreContender = StoreDurability | 'bare log';

function message(n: number): WaitingMessage {
	const recipient = `user${n % RECIPIENTS}`;
	return {
		id: String(FIRST_ID + n),
		kind: 'stored',
		recipientKey: recipient,
		time: Date.now(),
		sender: 'alice',
		recipient,
		senderRef: `r${n}`,
		text: benchText(n),
	};
}

type Appender = {append(message: WaitingMessage): Promise<unknown>; close(): Promise<void> | void};

function openAppender(
	contender: StoreContender,
	dir: string,
	onCommitMs?: (ms: number) => void,
): Appender {
	if (contender === 'bare log') return new BareStoreLog(path.join(dir, 'log.jsonl'));
	const store = openDurableStore({
		dir,
		durability: contender,
		onCommit: onCommitMs && (({ms}) => onCommitMs(ms)),
	});
	return {append: (each) => store.messages.append(each), close: () => store.close()};
}

async function inFreshDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-store-bench-'));
	try {
		return await run(dir);
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
}

/** Messages per second, `perTick` written in each tick, each tick waiting for its commit. */
export function storedPerSecond(
	contender: StoreContender,
	total: number,
	perTick: number,
): Promise<number> {
	return inFreshDir(async (dir) => {
		const store = openAppender(contender, dir);
		const started = performance.now();
		for (let n = 0; n < total; n += perTick) {
			const writes = [];
			for (let each = n; each < Math.min(total, n + perTick); each++)
				writes.push(store.append(message(each)));
			await Promise.all(writes);
		}

		const seconds = (performance.now() - started) / 1000;
		await store.close();
		return total / seconds;
	});
}

export type PacedRun = {
	/** Each commit's duration: how long it blocked the event loop. */
	commitsMs: number[];
	/** This process's CPU time per message, commits and the pacing together. */
	cpuMicrosecondsPerMessage: number;
};

/** Stored messages at a steady `rate` per second for `seconds`. */
export function pacedWrites(rate: number, seconds: number): Promise<PacedRun> {
	return inFreshDir(async (dir) => {
		const commitsMs: number[] = [];
		const store = openAppender('process-kill', dir, (ms) => commitsMs.push(ms));
		const writes: Array<Promise<unknown>> = [];
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		let sent = 0;
		for (;;) {
			const elapsed = performance.now() - started;
			if (elapsed >= seconds * 1000) break;
			const due = Math.floor((elapsed / 1000) * rate);
			for (; sent < due; sent++) writes.push(store.append(message(sent)));
			await sleep(PACE_TICK_MS);
		}

		await Promise.all(writes);
		const cpu = process.cpuUsage(cpuBefore);
		await store.close();
		return {commitsMs, cpuMicrosecondsPerMessage: (cpu.user + cpu.system) / Math.max(1, sent)};
	});
}

/** Milliseconds to open a store holding `messages` (each of `opens` times) until it can answer. */
export function openMs(
	contender: StoreContender,
	messages: number,
	opens: number,
): Promise<number[]> {
	return inFreshDir(async (dir) => {
		const fill = openAppender(contender, dir);
		for (let n = 0; n < messages; n += 1000) {
			const writes = [];
			for (let each = n; each < Math.min(messages, n + 1000); each++)
				writes.push(fill.append(message(each)));
			await Promise.all(writes);
		}

		await fill.close();
		const times: number[] = [];
		for (let open = 0; open < opens; open++) {
			const {ms, found} = await timeOpenAndRead(contender, dir);
			times.push(ms);
			if (found !== Math.ceil(messages / RECIPIENTS)) {
				throw new Error(`${contender}: reopened store has ${found} messages for user0`);
			}
		}

		return times;
	});
}

/** Opens, finds where ids go on and reads one recipient's messages: how long, and how many. */
async function timeOpenAndRead(
	contender: StoreContender,
	dir: string,
): Promise<{ms: number; found: number}> {
	const started = performance.now();
	if (contender === 'bare log') {
		const found = BareStoreLog.replay(path.join(dir, 'log.jsonl')).get('user0')?.length ?? 0;
		return {ms: performance.now() - started, found};
	}

	const store = openDurableStore({dir, durability: contender});
	if (store.messages.highestId() === undefined) throw new Error('no highest id after a reopen');
	const found = store.messages.waitingFor('user0').length;
	const ms = performance.now() - started;
	await store.close();
	return {ms, found};
}
