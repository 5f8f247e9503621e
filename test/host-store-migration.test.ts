// A store written by the version before parts were kept (schema version 2, text only) opens,
// migrates, and hands its messages on as they were: each a message of one part, counted as one.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import {STORE_FILE_NAME} from '../source/host/store/open-store-file.js';
import {MIGRATIONS, STORE_APPLICATION_ID} from '../source/host/store/store-schema.js';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {loginOwner} from './helpers/keyed-client.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

/** The schema version before the one that keeps parts and actions. */
const TEXT_ONLY_VERSION = 2;

/** A store as the text-only version left it: bob has a stored and a held message waiting. */
function writeTextOnlyStore(dir: string): void {
	fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	const db = new Database(path.join(dir, STORE_FILE_NAME));
	db.pragma('journal_mode = WAL');
	db.pragma(`application_id = ${STORE_APPLICATION_ID}`);
	for (const migration of MIGRATIONS.slice(0, TEXT_ONLY_VERSION)) db.exec(migration);
	db.pragma(`user_version = ${TEXT_ONLY_VERSION}`);
	const insert = db.prepare('INSERT INTO waiting_messages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
	insert.run(
		1_795_632_000_000_001n,
		'bob',
		'stored',
		1_795_632_000_000,
		'alice',
		'bob',
		'm1',
		'from before',
		11,
	);
	insert.run(
		1_795_632_000_000_002n,
		'bob',
		'held',
		1_795_632_000_001,
		'carol',
		'bob',
		null,
		'held then',
		9,
	);
	db.close();
}

test('a text-only store opens with its messages, counted as before', async (t) => {
	const dir = storeDir();
	writeTextOnlyStore(dir);
	const store = openDurableStore({dir});
	t.after(() => store.close());
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 1, bytes: 11});
	assert.deepEqual(
		store.messages.waitingFor('bob').map(({text, options}) => ({text, options})),
		[
			{text: 'from before', options: undefined},
			{text: 'held then', options: undefined},
		],
	);
	await store.messages.remove(['1795632000000001']);
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 0, bytes: 0});
	await store.messages.append({
		id: '1795632000000003',
		kind: 'stored',
		recipientKey: 'bob',
		time: 1_795_632_000_002,
		sender: 'alice',
		recipient: 'bob',
		senderRef: 'm3',
		text: 'new',
		options: {more: 1},
	});
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 1, bytes: 3});
});

test('a text-only store delivers its messages to the owner at login, as before', async (t) => {
	const dir = storeDir();
	writeTextOnlyStore(dir);
	const host = await startStoreHost(t, dir, {owned: ['bob']});
	const bob = await loginOwner(host.port, 'bob');
	assert.equal(
		await bob.waitForLine(/^MSG /),
		'MSG 1795632000000001 1795632000000 alice bob m1 stored :from before',
	);
	assert.equal(
		await bob.waitForLine(/^MSG /),
		'MSG 1795632000000002 1795632000001 carol bob - stored :held then',
	);
});
