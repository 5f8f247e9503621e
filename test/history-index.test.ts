// The local history's search index waits out a flood: rows are indexed once the writes pause,
// a step a commit once a backlog is reached, and in the next session after a kill; a search
// finds the rows not indexed yet by scanning them. A commit that carried a flood makes the next
// one wait longer.
import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import Database from 'better-sqlite3';
import type {HistoryMessage} from '../source/history/chat-history.js';
import {
	HISTORY_COMMIT_DELAY_MS,
	HISTORY_FLOOD_COMMIT_DELAY_MS,
	HISTORY_FLOOD_COMMIT_MESSAGES,
	HISTORY_INDEX_BACKLOG_ROWS,
	HISTORY_INDEX_FLOOD_STEP_ROWS,
	HISTORY_INDEX_IDLE_MS,
	HISTORY_INDEX_STEP_ROWS,
} from '../source/history/history-limits.js';
import {HistoryStore} from '../source/history/history-store.js';
import {historyFile} from '../source/history/open-history-file.js';
import {storeDir} from './helpers/store-dir.js';

type Opened = {store: HistoryStore; dir: string; indexedUpTo: () => number; kept: () => number};

/** A store on mocked timers and clock, and a second connection that reads what is committed. */
function openStore(t: TestContext, dir = storeDir()): Opened {
	const store = new HistoryStore({dir, host: 'localhost:21567', self: 'alice'});
	const reader = new Database(historyFile(dir), {readonly: true});
	t.after(() => {
		reader.close();
		store.close();
	});
	const fact = reader
		.prepare<[], number>("SELECT value FROM history_facts WHERE fact = 'indexed-up-to'")
		.pluck();
	const count = reader.prepare<[], number>('SELECT count(*) FROM messages').pluck();
	return {store, dir, indexedUpTo: () => fact.get() ?? -1, kept: () => count.get() ?? -1};
}

const received = (index: number): HistoryMessage => ({
	uid: `h${index}`,
	time: 1000 + index,
	from: 'bob',
	text: `flood message number ${index} zebra${index}`,
});

function keep(store: HistoryStore, from: number, count: number): void {
	for (let index = from; index < from + count; index++) store.record('bob', received(index));
}

test('a flood is indexed once the writes pause; a search finds it meanwhile', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date']});
	const {store, indexedUpTo} = openStore(t);
	const rows = HISTORY_INDEX_STEP_ROWS * 2 + 10;
	keep(store, 0, rows);
	store.flush();
	assert.equal(indexedUpTo(), 0, 'nothing indexed while the writes go on');
	t.mock.timers.tick(HISTORY_INDEX_IDLE_MS - 1);
	assert.equal(indexedUpTo(), 0);
	t.mock.timers.tick(1);
	assert.equal(indexedUpTo(), rows, 'indexed, in steps, once the writes have paused');

	keep(store, rows, 5);
	assert.deepEqual(
		store.search(`zebra${rows + 4}`, 'bob', 10).map((hit) => hit.message.uid),
		[`h${rows + 4}`],
		'a search finds what is not indexed yet',
	);
	assert.equal(indexedUpTo(), rows, 'and leaves the indexing for later');
});

test('a search lists the rows not indexed yet and the indexed ones as one, newest first', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date']});
	const {store, indexedUpTo} = openStore(t);
	keep(store, 0, 4);
	store.indexWaiting();
	keep(store, 4, 3);
	store.flush();
	assert.equal(indexedUpTo(), 4);
	const uids = (limit: number, partner?: string) =>
		store.search('FLOOD Message', partner, limit).map((hit) => hit.message.uid);
	assert.deepEqual(uids(10), ['h6', 'h5', 'h4', 'h3', 'h2', 'h1', 'h0']);
	assert.deepEqual(uids(5, 'bob'), ['h6', 'h5', 'h4', 'h3', 'h2'], 'across the line');
	assert.deepEqual(uids(2), ['h6', 'h5'], 'within the rows not indexed');
	assert.deepEqual(uids(10, 'carol'), [], 'only the conversation asked for');
	assert.deepEqual(
		store.search('number 5 zebra5', 'bob', 10).map((hit) => hit.message.uid),
		['h5'],
		'the text as one phrase, not indexed yet',
	);
	assert.deepEqual(
		store.search('number 1 zebra1', 'bob', 10).map((hit) => hit.message.uid),
		['h1'],
		'the text as one phrase, indexed',
	);
});

test('a flood that never pauses is indexed a step a commit once the backlog is reached', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date']});
	const {store, indexedUpTo} = openStore(t);
	keep(store, 0, HISTORY_INDEX_BACKLOG_ROWS - 1);
	store.flush();
	assert.equal(indexedUpTo(), 0);
	keep(store, HISTORY_INDEX_BACKLOG_ROWS - 1, 1);
	store.flush();
	assert.equal(indexedUpTo(), HISTORY_INDEX_FLOOD_STEP_ROWS);
	keep(store, HISTORY_INDEX_BACKLOG_ROWS, HISTORY_INDEX_FLOOD_STEP_ROWS - 1);
	store.flush();
	assert.equal(indexedUpTo(), HISTORY_INDEX_FLOOD_STEP_ROWS, 'below the backlog again: none');
	keep(store, HISTORY_INDEX_BACKLOG_ROWS + HISTORY_INDEX_FLOOD_STEP_ROWS - 1, 1);
	store.flush();
	assert.equal(indexedUpTo(), HISTORY_INDEX_FLOOD_STEP_ROWS * 2, 'at it again: the next step');
});

test('after a commit of a flood’s size the next waits longer; after a quiet one, the usual delay', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date']});
	const {store, kept} = openStore(t);
	keep(store, 0, 1);
	t.mock.timers.tick(HISTORY_COMMIT_DELAY_MS);
	assert.equal(kept(), 1, 'a quiet message is committed after the usual delay');

	keep(store, 1, HISTORY_FLOOD_COMMIT_MESSAGES);
	t.mock.timers.tick(HISTORY_COMMIT_DELAY_MS);
	assert.equal(kept(), 1 + HISTORY_FLOOD_COMMIT_MESSAGES);
	keep(store, 1 + HISTORY_FLOOD_COMMIT_MESSAGES, 1);
	t.mock.timers.tick(HISTORY_COMMIT_DELAY_MS);
	assert.equal(kept(), 1 + HISTORY_FLOOD_COMMIT_MESSAGES, 'in a flood the commit waits longer');
	t.mock.timers.tick(HISTORY_FLOOD_COMMIT_DELAY_MS - HISTORY_COMMIT_DELAY_MS);
	assert.equal(kept(), 2 + HISTORY_FLOOD_COMMIT_MESSAGES);

	keep(store, 2 + HISTORY_FLOOD_COMMIT_MESSAGES, 1);
	t.mock.timers.tick(HISTORY_COMMIT_DELAY_MS);
	assert.equal(kept(), 3 + HISTORY_FLOOD_COMMIT_MESSAGES, 'a quiet commit ends the flood');
});

test('rows a closed session left unindexed are indexed by the next once it is idle', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date']});
	const dir = storeDir();
	const earlier = new HistoryStore({dir, host: 'localhost:21567', self: 'alice'});
	keep(earlier, 0, 20);
	earlier.close();
	const {indexedUpTo} = openStore(t, dir);
	assert.equal(indexedUpTo(), 0);
	t.mock.timers.tick(HISTORY_INDEX_IDLE_MS);
	assert.equal(indexedUpTo(), 20);
});
