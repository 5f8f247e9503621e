// The local history's store: pages in time order, dedupe by the host's id, search folding case
// and accents in any script (before and after the index holds the rows), close and forget,
// retention, and the file's place and modes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test, type TestContext} from 'node:test';
import Database from 'better-sqlite3';
import {chatDataDir} from '../source/data-dir.js';
import type {HistoryMessage} from '../source/history/chat-history.js';
import {DAY_MS} from '../source/history/history-limits.js';
import {HISTORY_APPLICATION_ID, HISTORY_MIGRATIONS} from '../source/history/history-schema.js';
import {HistoryStore, type HistoryOptions} from '../source/history/history-store.js';
import {historyFile} from '../source/history/open-history-file.js';
import {storeDir} from './helpers/store-dir.js';

function openStore(t: TestContext, options: Partial<HistoryOptions> = {}): HistoryStore {
	const store = new HistoryStore({
		dir: storeDir(),
		host: 'localhost:21567',
		self: 'alice',
		...options,
	});
	t.after(() => {
		store.close();
	});
	return store;
}

const received = (uid: string, time: number, text: string): HistoryMessage => ({
	uid,
	time,
	from: 'bob',
	text,
});
const texts = (messages: HistoryMessage[]) => messages.map((message) => message.text);

/** The delivery states of bob's two newest messages, read by the history opened again in `dir`. */
function statesAfterRestart(t: TestContext, dir: string): Array<string | undefined> {
	const again = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	t.after(() => {
		again.close();
	});
	return again.latest('bob', 2).map((m) => m.delivery?.state);
}

test('pages come in time order, before and after a message, whatever order they were kept in', (t) => {
	const store = openStore(t);
	for (const index of [3, 1, 4, 0, 2])
		store.record('bob', received(`h${index}`, 1000 + index, `m${index}`));
	assert.deepEqual(texts(store.latest('bob', 2)), ['m3', 'm4']);
	assert.deepEqual(texts(store.earliest('Bob', 2)), ['m0', 'm1']);
	assert.deepEqual(texts(store.before('bob', {time: 1003, uid: 'h3'}, 2)), ['m1', 'm2']);
	assert.deepEqual(texts(store.after('bob', {time: 1001, uid: 'h1'}, 10)), ['m2', 'm3', 'm4']);
	assert.deepEqual(store.conversations(), [{partner: 'bob', messages: 5, lastTime: 1004}]);
});

test('a message delivered again (same host id) is kept once', (t) => {
	const store = openStore(t);
	store.record('bob', received('77', 1000, 'stored while you were away'));
	store.flush();
	store.record('bob', received('77', 1000, 'stored while you were away'));
	assert.equal(store.latest('bob', 10).length, 1);
});

test('search folds case and accents, in any script, newest first, within one conversation or all', (t) => {
	const store = openStore(t);
	store.record('bob', received('1', 1, 'Crème Brûlée tonight?'));
	store.record('bob', received('2', 2, '明日は東京で会いましょう 🎉'));
	store.record('carol', {uid: '3', time: 3, from: 'carol', text: 'CREME fraiche'});
	const found = (query: string, partner?: string) =>
		store.search(query, partner, 10).map((hit) => `${hit.partner}:${hit.message.uid}`);
	// Before the index holds them (a search scans them) and after.
	for (const indexed of [false, true]) {
		if (indexed) assert.equal(store.indexWaiting(), 3);
		assert.deepEqual(found('creme'), ['carol:3', 'bob:1']);
		assert.deepEqual(found('BRULEE'), ['bob:1']);
		assert.deepEqual(found('crème', 'bob'), ['bob:1']);
		assert.deepEqual(found('東京で'), ['bob:2']);
		// Shorter than a trigram: found by a scan that folds the same way.
		assert.deepEqual(found('東'), ['bob:2']);
		assert.deepEqual(found('🎉'), ['bob:2']);
		assert.deepEqual(found('é', 'carol'), ['carol:3']);
		assert.deepEqual(found('"quoted" nothing'), []);
	}
});

test('a word in every message: the newest come first, within one conversation or all', (t) => {
	const store = openStore(t);
	const partners = ['bob', 'carol', 'dave'];
	for (let index = 0; index < 3000; index++) {
		const partner = partners[index % partners.length] ?? 'bob';
		store.record(partner, {uid: `u${index}`, time: index, from: partner, text: `common ${index}`});
	}
	const found = (partner?: string) =>
		store.search('common', partner, 4).map((hit) => `${hit.partner}:${hit.message.uid}`);
	for (const indexed of [false, true]) {
		if (indexed) assert.equal(store.indexWaiting(), 3000);
		assert.deepEqual(found(), ['dave:u2999', 'carol:u2998', 'bob:u2997', 'dave:u2996']);
		assert.deepEqual(found('carol'), ['carol:u2998', 'carol:u2995', 'carol:u2992', 'carol:u2989']);
	}
});

test('a closed conversation leaves the list until a new message comes; forgetting deletes it', (t) => {
	const store = openStore(t);
	store.record('bob', received('1', 1, 'hello'));
	store.record('carol', {uid: '2', time: 2, from: 'carol', text: 'hi'});
	store.closeConversation('bob');
	assert.deepEqual(
		store.conversations().map((c) => c.partner),
		['carol'],
	);
	assert.equal(store.latest('bob', 10).length, 1, 'closing keeps the messages');
	store.record('bob', received('3', 3, 'back again'));
	assert.deepEqual(
		store.conversations().map((c) => c.partner),
		['bob', 'carol'],
	);
	store.forgetConversation('bob');
	assert.deepEqual(
		store.conversations().map((c) => c.partner),
		['carol'],
	);
	assert.deepEqual(store.latest('bob', 10), []);
	assert.deepEqual(store.search('hello', undefined, 10), []);
});

test('a sent message keeps the host’s answer; one never answered reads as not delivered later', (t) => {
	const dir = storeDir();
	const first = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	first.record(
		'bob',
		{uid: 's.1', time: 1, from: 'alice', text: 'a', delivery: {state: 'sending'}},
		'r1',
	);
	first.record(
		'bob',
		{uid: 's.2', time: 2, from: 'alice', text: 'b', delivery: {state: 'sending'}},
		'r2',
	);
	first.recordResult('r1', {state: 'delivered'});
	assert.deepEqual(
		first.latest('bob', 2).map((m) => m.delivery?.state),
		['delivered', 'sending'],
	);
	first.close();
	assert.deepEqual(statesAfterRestart(t, dir), ['delivered', 'failed']);
});

test('--history-days drops older messages; conversations are kept per host and own name', (t) => {
	const dir = storeDir();
	const now = 100 * DAY_MS;
	const writer = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	writer.record('bob', received('old', now - 10 * DAY_MS, 'ten days ago'));
	writer.record('bob', received('new', now - DAY_MS, 'yesterday'));
	writer.close();
	const other = new HistoryStore({dir, host: 'h:2', self: 'alice'});
	assert.deepEqual(other.conversations(), [], 'another host has its own conversations');
	other.close();
	const kept = new HistoryStore({dir, host: 'h:1', self: 'ALICE', keepDays: 7, now: () => now});
	t.after(() => {
		kept.close();
	});
	assert.deepEqual(texts(kept.latest('bob', 10)), ['yesterday']);
});

test('the history is in $XDG_DATA_HOME/chat, the folder 0700 and the file 0600', () => {
	const base = path.dirname(storeDir());
	const dir = chatDataDir({XDG_DATA_HOME: base}, '/home/nobody');
	assert.equal(dir, path.join(base, 'chat'));
	assert.equal(chatDataDir({XDG_DATA_HOME: 'relative'}, '/home/x'), '/home/x/.local/share/chat');
	const store = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	store.close();
	assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
	assert.equal(fs.statSync(historyFile(dir)).mode & 0o777, 0o600);
});

test('a /me stays one through a restart, and a history of the first version reads on with none', (t) => {
	const dir = storeDir();
	fs.mkdirSync(dir, {recursive: true});
	// A file as the first version of the history left it, with one message in it.
	const old = new Database(historyFile(dir));
	old.exec(HISTORY_MIGRATIONS[0] ?? '');
	old.pragma(`application_id = ${HISTORY_APPLICATION_ID}`);
	old.pragma('user_version = 1');
	old
		.prepare(
			"INSERT INTO conversations (host, self_key, partner_key, partner) VALUES ('h:1', 'alice', 'bob', 'bob')",
		)
		.run();
	old
		.prepare(
			"INSERT INTO messages (conversation, uid, time, sender, text) VALUES (1, 'h1', 1, 'bob', 'hi')",
		)
		.run();
	old.close();

	const first = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	first.record('bob', {uid: 'h2', time: 2, from: 'bob', text: 'waves', action: true});
	first.record(
		'bob',
		{uid: 's.1', time: 3, from: 'alice', text: 'nods', action: true, delivery: {state: 'sending'}},
		'r1',
	);
	first.close();
	const second = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	t.after(() => {
		second.close();
	});
	assert.deepEqual(
		second.latest('bob', 3).map((m) => [m.text, m.action === true]),
		[
			['hi', false],
			['waves', true],
			['nods', true],
		],
	);
});

test('a message the host stored for an offline owner reads as stored after a restart; a DELIVERED in the session settles it', (t) => {
	const dir = storeDir();
	const first = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	for (const [uid, time, ref] of [
		['s.1', 1, 'r1'],
		['s.2', 2, 'r2'],
	] as const) {
		first.record('bob', {uid, time, from: 'alice', text: uid, delivery: {state: 'sending'}}, ref);
		first.recordResult(ref, {state: 'stored'});
	}
	// Bob came back while alice was still here: the host's DELIVERED for the first one.
	first.recordResult('r1', {state: 'delivered'});
	first.close();
	assert.deepEqual(statesAfterRestart(t, dir), ['delivered', 'stored']);
});

test('a DELIVERED in a later session finds the stored message by its ref, once', (t) => {
	const dir = storeDir();
	const first = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	first.record(
		'Bob',
		{uid: 's.1', time: 1, from: 'alice', text: 'later', delivery: {state: 'sending'}},
		'r1',
	);
	first.recordResult('r1', {state: 'stored'});
	first.record(
		'Bob',
		{uid: 's.2', time: 2, from: 'alice', text: 'lost', delivery: {state: 'sending'}},
		'r2',
	);
	first.recordResult('r2', {state: 'failed', reason: 'the host went away'});
	first.close();

	const second = new HistoryStore({dir, host: 'h:1', self: 'alice'});
	assert.deepEqual(second.recordResult('r1', {state: 'delivered'}), {partner: 'Bob', uid: 's.1'});
	assert.equal(second.recordResult('r1', {state: 'delivered'}), undefined, 'once');
	assert.equal(second.recordResult('r2', {state: 'delivered'}), undefined, 'only a stored one');
	assert.equal(second.recordResult('nobody.1', {state: 'delivered'}), undefined);
	second.close();
	assert.deepEqual(statesAfterRestart(t, dir), ['delivered', 'failed']);
});
