// Opening the store: a new folder and file are the owner's only; a damaged, foreign, newer or
// unwritable store is refused with one sentence; a store that fills up while running rejects
// the writes it cannot keep, with a reason, and goes on once there is room again.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import {SCHEMA_VERSION} from '../source/host/store/store-schema.js';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {STORE_FILE_NAME} from '../source/host/store/open-store-file.js';
import {StoreOpenError, StoreWriteError} from '../source/host/store/store-errors.js';
import type {WaitingMessage} from '../source/host/store/waiting-messages.js';
import {storeDir} from './helpers/store-dir.js';

/** Unprivileged, for the one test that needs the permission bits to count. */
const NOBODY = 65_534;

function message(id: number, text = 'x'.repeat(1000)): WaitingMessage {
	return {
		id: String(id),
		kind: 'stored',
		recipientKey: 'bob',
		time: 1,
		sender: 'alice',
		recipient: 'bob',
		senderRef: undefined,
		text,
	};
}

/** The error opening `dir` gives, checked to be one sentence of a StoreOpenError. */
function openError(dir: string): string {
	try {
		void openDurableStore({dir}).close();
	} catch (error) {
		assert.ok(error instanceof StoreOpenError, `not a StoreOpenError: ${String(error)}`);
		assert.doesNotMatch(error.message, /\n/);
		return error.message;
	}

	assert.fail('the store opened');
}

async function filledStore(dir: string, messages: number): Promise<string> {
	const store = openDurableStore({dir});
	await Promise.all(
		Array.from({length: messages}, (_, n) => store.messages.append(message(n + 1))),
	);
	await store.close();
	return path.join(dir, STORE_FILE_NAME);
}

test('a new store makes its folder 0700 and its files 0600', async (t) => {
	const dir = storeDir();
	const store = openDurableStore({dir});
	t.after(() => store.close());
	await store.messages.append(message(1));
	assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
	for (const file of [STORE_FILE_NAME, `${STORE_FILE_NAME}-wal`, `${STORE_FILE_NAME}-shm`]) {
		assert.equal(fs.statSync(path.join(dir, file)).mode & 0o777, 0o600, file);
	}
});

test('a file of garbage is a damaged store', () => {
	const dir = storeDir();
	fs.mkdirSync(dir);
	fs.writeFileSync(path.join(dir, STORE_FILE_NAME), 'this is not a database, '.repeat(200));
	assert.match(
		openError(dir),
		/^the store .*store\.sqlite is damaged \(file is not a database\): move it aside with its -wal file to start with an empty store, or put back a copy$/,
	);
});

test('a truncated store is a damaged store', async () => {
	const dir = storeDir();
	const file = await filledStore(dir, 300);
	fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
	assert.match(openError(dir), /^the store .* is damaged \(.+\): move it aside/);
});

test('a store whose first page was overwritten is a damaged store', async () => {
	const dir = storeDir();
	const file = await filledStore(dir, 10);
	const fd = fs.openSync(file, 'r+');
	fs.writeSync(fd, Buffer.alloc(100, 0xab), 0, 100, 0);
	fs.closeSync(fd);
	assert.match(openError(dir), /is damaged/);
});

test("another program's database is not taken for a store", () => {
	const dir = storeDir();
	fs.mkdirSync(dir);
	const other = new Database(path.join(dir, STORE_FILE_NAME));
	other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
	other.close();
	assert.match(openError(dir), /is not a chat store \(another program's database\)/);
});

test('a store from a newer chat is refused, not rewritten', async () => {
	const dir = storeDir();
	const file = await filledStore(dir, 1);
	const newer = new Database(file);
	newer.pragma('user_version = 99');
	newer.close();
	assert.match(
		openError(dir),
		new RegExp(
			`was written by a newer chat \\(store version 99, this one reads up to ${SCHEMA_VERSION}\\)`,
		),
	);
});

test('a data folder that cannot be made is refused', () => {
	const dir = storeDir();
	fs.writeFileSync(dir, 'a file where the folder should be');
	assert.match(
		openError(path.join(dir, 'chat')),
		/^cannot write the store in .*chat \(ENOTDIR\): it must be a folder you can write to, or choose another with --data DIR$/,
	);
});

test('a data folder its user may not write is refused', () => {
	const dir = storeDir();
	fs.mkdirSync(dir, {recursive: true});
	fs.chmodSync(dir, 0o500);
	// Root may write anywhere: the check runs as an unprivileged user then.
	const asRoot = process.geteuid?.() === 0;
	if (asRoot) {
		fs.chmodSync(path.dirname(dir), 0o755);
		fs.chownSync(dir, NOBODY, NOBODY);
		process.setegid?.(NOBODY);
		process.seteuid?.(NOBODY);
	}

	let sentence: string;
	try {
		sentence = openError(dir);
	} finally {
		if (asRoot) {
			process.seteuid?.(0);
			process.setegid?.(0);
		}
	}

	assert.match(
		sentence,
		/^cannot write the store in .* \(EACCES\): it must be a folder you can write to/,
	);
});

test('a full store rejects the writes it cannot keep with store-full, and goes on', async (t) => {
	const dir = storeDir();
	const store = openDurableStore({dir, maxStoreBytes: 128 * 1024});
	t.after(() => store.close());
	let uncaught: unknown;
	const onUncaught = (error: unknown) => {
		uncaught = error;
	};
	process.on('uncaughtException', onUncaught);
	t.after(() => process.off('uncaughtException', onUncaught));
	const results = await Promise.allSettled(
		Array.from({length: 400}, (_, n) => store.messages.append(message(n + 1))),
	);
	const failures = results.flatMap((result) =>
		result.status === 'rejected' ? [result.reason] : [],
	);
	assert.ok(failures.length > 0, 'the store never filled up');
	for (const failure of failures) {
		assert.ok(failure instanceof StoreWriteError);
		assert.equal(failure.failure, 'store-full');
	}

	assert.equal(uncaught, undefined);
	const kept = store.messages.waitingFor('bob');
	assert.equal(kept.length, results.length - failures.length, 'every resolved write is there');
	await store.messages.remove(kept.map((each) => each.id));
	assert.deepEqual(await store.messages.append(message(1000)), {kept: true});
});
