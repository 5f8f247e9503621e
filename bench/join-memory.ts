// The resident memory of the real `chat join` (dist/cli.js, in a pseudo-terminal, against a host
// on loopback) once a conversation is open and its memory has settled, read from /proc.
import {readFileSync} from 'node:fs';
import {CONNECTED} from './join-to-connected.js';
import {spawnJoin} from './pty-join.js';

const STEP_DEADLINE_MS = 30_000;
const SETTLE_POLL_MS = 250;
/** Settled: this many reads in a row within SETTLE_SLACK_BYTES of each other. */
const SETTLE_READS = 4;
const SETTLE_SLACK_BYTES = 2 ** 20;
/** A process still growing after this long is read as it is. */
const SETTLE_DEADLINE_MS = 15_000;

export type JoinMemory = {
	rssBytes: number;
	/** The anonymous part (heaps, SQLite's cache) and the file-backed one (node, libraries). */
	anonBytes: number;
	fileBytes: number;
};

function statusBytes(status: string, field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

function readMemory(pid: number): JoinMemory {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return {
		rssBytes: statusBytes(status, 'VmRSS'),
		anonBytes: statusBytes(status, 'RssAnon'),
		fileBytes: statusBytes(status, 'RssFile'),
	};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settledMemory(pid: number): Promise<JoinMemory> {
	let latest = readMemory(pid);
	const recent = [latest.rssBytes];
	const deadline = performance.now() + SETTLE_DEADLINE_MS;
	while (performance.now() < deadline) {
		await pause(SETTLE_POLL_MS);
		latest = readMemory(pid);
		recent.push(latest.rssBytes);
		const last = recent.slice(-SETTLE_READS);
		if (last.length === SETTLE_READS && Math.max(...last) - Math.min(...last) < SETTLE_SLACK_BYTES)
			break;
	}
	return latest;
}

export type MemoryJoin = {
	port: number;
	name: string;
	env: NodeJS.ProcessEnv;
	args?: readonly string[];
	/** Keys that open the conversation, and what shows once it is open. */
	open?: {keys: string; shows: RegExp};
};

/** `chat join` connected (and the conversation open), then its settled memory. */
export async function measureJoinMemory(join: MemoryJoin): Promise<JoinMemory> {
	const running = spawnJoin(join.port, join.name, join.env, join.args);
	try {
		await running.waitFor(CONNECTED, 'chat join connecting', STEP_DEADLINE_MS);
		if (join.open) {
			const shown = running.waitFor(join.open.shows, 'the conversation', STEP_DEADLINE_MS);
			running.type(join.open.keys);
			await shown;
		}
		return await settledMemory(running.pid);
	} finally {
		await running.quit();
	}
}
