// The history survives what happens to a client: a kill at any moment (the last, half-written
// commit is skipped, never fatal) and two clients of the same user writing at once.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import {HistoryStore} from '../source/history/history-store.js';
import {historyFile} from '../source/history/open-history-file.js';
import {storeDir} from './helpers/store-dir.js';
import {waitUntil} from './helpers/render-chat.js';

const CHILD = new URL('helpers/history-writer-child.ts', import.meta.url).pathname;
const KILLS = 3;
/** The child's messages per commit (history-writer-child.ts). */
const PER_COMMIT = 7;
const CONCURRENT_MESSAGES = 1500;

type Child = {lines: Array<Record<string, unknown>>; exited: Promise<unknown>; kill(): void};

function startWriter(dir: string, name: string, count?: number): Child {
	const args = [
		'--import',
		'tsx',
		CHILD,
		dir,
		name,
		...(count === undefined ? [] : [String(count)]),
	];
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'inherit']});
	const lines: Array<Record<string, unknown>> = [];
	let buffered = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		buffered += chunk;
		const parts = buffered.split('\n');
		buffered = parts.pop() ?? '';
		for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
	});
	return {lines, exited: once(child, 'exit'), kill: () => child.kill('SIGKILL')};
}

function committed(child: Child): string[] {
	return child.lines.flatMap((line) => (line['committed'] as string[] | undefined) ?? []);
}

function storedUids(dir: string): string[] {
	const store = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	try {
		return [...store.everyMessage('bob')].map((message) => message.uid);
	} finally {
		store.close();
	}
}

function integrity(dir: string): string {
	const db = new Database(historyFile(dir), {readonly: true});
	try {
		return String(db.pragma('integrity_check', {simple: true}));
	} finally {
		db.close();
	}
}

test('killed mid-write, again and again: it opens, every commit is there once, nothing else', async () => {
	const dir = storeDir();
	const everything: string[] = [];
	for (let round = 0; round < KILLS; round++) {
		const child = startWriter(dir, `r${round}`);
		// Killed at a different point of its writing each round.
		const after = 20 + round * 15;
		await waitUntil(() => committed(child).length >= after, 'commits');
		child.kill();
		await child.exited;
		const acknowledged = committed(child);
		const uids = storedUids(dir);
		const mine = new Set(uids.filter((uid) => uid.startsWith(`r${round}-`)));
		// Every acknowledged commit is there; at most the one the kill cut off is there as well.
		for (const uid of acknowledged) assert.ok(mine.has(uid), `${uid} was committed`);
		assert.ok(
			mine.size - acknowledged.length <= PER_COMMIT,
			'nothing but the last commit is extra',
		);
		assert.equal(new Set(uids).size, uids.length, 'no message twice');
		everything.push(...mine);
		assert.deepEqual(new Set(uids), new Set(everything), 'earlier rounds untouched');
		assert.equal(integrity(dir), 'ok');
	}
});

test('two clients of the same user write at once: both keep everything, the file stays sound', async (t) => {
	const dir = storeDir();
	// Made first, so both children open an existing history rather than race to create it.
	new HistoryStore({dir, host: 'h:1', self: 'alice'}).close();
	const first = startWriter(dir, 'a', CONCURRENT_MESSAGES);
	const second = startWriter(dir, 'b', CONCURRENT_MESSAGES);
	await Promise.all([first.exited, second.exited]);
	for (const child of [first, second]) {
		assert.ok(
			!child.lines.some((line) => 'problem' in line),
			JSON.stringify(child.lines.find((line) => 'problem' in line)),
		);
	}
	const uids = storedUids(dir);
	assert.equal(uids.filter((uid) => uid.startsWith('a-')).length, CONCURRENT_MESSAGES);
	assert.equal(uids.filter((uid) => uid.startsWith('b-')).length, CONCURRENT_MESSAGES);
	assert.equal(integrity(dir), 'ok');
	const store = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	t.after(() => {
		store.close();
	});
	assert.equal(store.search('b-1499', undefined, 5).length, 1, 'search sees both writers');
});
