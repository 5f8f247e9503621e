// The chat screen with a local history (the real store, on a temp folder): reopening shows the
// past conversations with a line where this session begins, PgUp pages older messages in from
// disk, Home and End jump, /search finds and Enter jumps to a result, /forget asks first.
import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import {HISTORY_START_CONVERSATIONS} from '../source/client/limits.js';
import type {ChatHistory} from '../source/history/chat-history.js';
import {HistoryStore} from '../source/history/history-store.js';
import {SESSION_LABEL} from '../source/ui/state/visible-window.js';
import {keys, renderChat, waitUntil} from './helpers/render-chat.js';
import {storeDir} from './helpers/store-dir.js';

const DAY_MS = 86_400_000;

function openHistory(t: TestContext, dir = storeDir()): HistoryStore {
	const store = new HistoryStore({dir, host: 'localhost:21567', self: 'alice'});
	t.after(() => {
		store.close();
	});
	return store;
}

/** Bob's past, `count` messages a minute apart, ending yesterday. */
function fillPast(store: HistoryStore, count: number, text = (index: number) => `old ${index}`) {
	const start = Date.now() - DAY_MS - count * 60_000;
	for (let index = 0; index < count; index++) {
		store.record('bob', {
			uid: `past-${index}`,
			time: start + index * 60_000,
			from: 'bob',
			text: text(index),
		});
	}
	store.flush();
}

test('reopening: past conversations are listed, offline until online, with their messages', async (t) => {
	const history = openHistory(t);
	fillPast(history, 3);
	const chat = renderChat({history, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', ['carol']);
	await chat.waitFor((frame) => /bob off/.test(frame), 'bob listed as offline');
	await chat.press(keys.alt('1'));
	const frame = await chat.waitFor((frame) => frame.includes('old 2'), 'the past messages');
	assert.match(frame, new RegExp(SESSION_LABEL), 'the line where this session begins');
	assert.ok(frame.indexOf('old 2') < frame.indexOf(SESSION_LABEL));
	chat.client.emit({type: 'user-joined', name: 'bob'});
	chat.client.emit({
		type: 'message',
		id: 'new-1',
		time: Date.now(),
		from: 'bob',
		to: 'alice',
		text: 'hello again',
	});
	const after = await chat.waitFor((frame) => frame.includes('hello again'), 'a new message');
	assert.ok(after.indexOf(SESSION_LABEL) < after.indexOf('hello again'), 'below the session line');
	assert.doesNotMatch(after, /bob off/);
	// Written to the history as it came.
	assert.deepEqual(
		history.latest('bob', 1).map((message) => message.text),
		['hello again'],
	);
});

test('only the most recent conversations are read at start; another is read when first shown', async (t) => {
	const history = openHistory(t);
	const count = HISTORY_START_CONVERSATIONS + 2;
	const start = Date.now() - DAY_MS;
	for (let index = 0; index < count; index++) {
		// p0 is the oldest conversation, so it is among the last listed.
		history.record(`p${index}`, {
			uid: `m${index}`,
			time: start + index * 60_000,
			from: `p${index}`,
			text: `said by p${index}`,
		});
	}
	history.flush();
	const read: string[] = [];
	const counting: ChatHistory = {
		conversations: () => history.conversations(),
		latest(partner, limit) {
			read.push(partner);
			return history.latest(partner, limit);
		},
		earliest: (partner, limit) => history.earliest(partner, limit),
		before: (partner, at, limit) => history.before(partner, at, limit),
		after: (partner, at, limit) => history.after(partner, at, limit),
		search: (text, partner, limit) => history.search(text, partner, limit),
		record: (partner, message, ref) => history.record(partner, message, ref),
		recordResult: (ref, delivery) => history.recordResult(ref, delivery),
		closeConversation: (partner) => history.closeConversation(partner),
		forgetConversation: (partner) => history.forgetConversation(partner),
	};
	const chat = renderChat({history: counting, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', []);
	await chat.waitFor((frame) => /p0 off/.test(frame), 'p0 listed as offline');
	assert.equal(read.length, HISTORY_START_CONVERSATIONS);
	assert.ok(!read.includes('p0') && !read.includes('p1'), 'the oldest two are not read yet');
	await chat.submit('/to p0');
	await chat.waitFor((frame) => frame.includes('said by p0'), "p0's message, read when shown");
});

test('PgUp pages older messages in from disk; Home and End jump to the oldest and the newest', async (t) => {
	const history = openHistory(t);
	fillPast(history, 1200);
	const chat = renderChat({history, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('1 bob'), 'the list');
	await chat.press(keys.alt('1'));
	await chat.waitFor((frame) => frame.includes('old 1199'), 'the newest');
	// Far more than the first read brought in: the pages come from disk as PgUp nears their edge.
	for (let press = 0; press < 40; press++) await chat.press(keys.pageUp);
	const paged = await chat.waitFor(
		(frame) => /old 1[01]\d\d\b/.test(frame) === false,
		'older pages',
	);
	const shown = Number(/old (\d+)/.exec(paged)?.[1]);
	assert.ok(shown < 1199 - 50, `paged past what was read at start (shows old ${shown})`);
	await chat.press(keys.home);
	await chat.waitFor((frame) => /old 0\b/.test(frame), 'the oldest message');
	await chat.press(keys.end);
	await chat.waitFor(
		(frame) => frame.includes('old 1199') && !/old 0\b/.test(frame),
		'the newest again',
	);
});

test('/search finds case- and accent-folded text; Enter jumps to it; Esc goes back', async (t) => {
	const history = openHistory(t);
	fillPast(history, 600, (index) => (index === 42 ? 'the Crème Brûlée recipe' : `old ${index}`));
	history.record('carol', {
		uid: 'c1',
		time: Date.now() - DAY_MS,
		from: 'carol',
		text: 'crème for carol',
	});
	const chat = renderChat({history, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', ['bob', 'carol']);
	// Both come back from the history, numbered most recent first: carol wrote last.
	await chat.waitFor((frame) => / 1 carol/.test(frame) && / 2 bob/.test(frame), 'the list');
	await chat.press(keys.alt('2'));
	await chat.waitFor((frame) => frame.includes('old 599'), 'bob');
	await chat.press(keys.ctrlR);
	await chat.submit('creme brulee');
	const results = await chat.waitFor((frame) => frame.includes('1 found'), 'the results');
	assert.match(results, /bob: the Crème Brûlée recipe/);
	assert.doesNotMatch(results, /for carol/);
	await chat.press(keys.escape);
	await chat.waitFor((frame) => frame.includes('old 599'), 'back to the conversation');
	await chat.submit('/search -a CRÈME');
	await chat.waitFor((frame) => frame.includes('2 found'), 'every conversation');
	await chat.press(keys.down, keys.enter);
	const jumped = await chat.waitFor(
		(frame) => frame.includes('the Crème Brûlée recipe') && frame.includes('old 41'),
		'the message in its conversation',
	);
	assert.doesNotMatch(jumped, /old 599/);
	await chat.press(keys.end);
	await chat.waitFor((frame) => frame.includes('old 599'), 'End: the newest again');
});

test('/forget asks first: any other key keeps it, y deletes it from the history', async (t) => {
	const history = openHistory(t);
	fillPast(history, 5);
	const chat = renderChat({history, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('1 bob'), 'the list');
	await chat.press(keys.alt('1'));
	await chat.submit('/forget');
	await chat.waitFor((frame) => frame.includes('forget every message with bob'), 'the question');
	await chat.press('n');
	await chat.waitFor((frame) => frame.includes('kept the conversation with bob'), 'kept');
	assert.equal(history.latest('bob', 10).length, 5);
	await chat.submit('/forget');
	await chat.waitFor((frame) => frame.includes('forget every message'), 'asked again');
	await chat.press('y');
	await chat.waitFor((frame) => frame.includes('forgot the conversation with bob'), 'forgotten');
	await waitUntil(() => history.latest('bob', 10).length === 0, 'the history emptied');
	assert.deepEqual(history.conversations(), []);
});

test('event lines are shown but never kept in the history nor found by /search', async (t) => {
	const history = openHistory(t);
	fillPast(history, 3);
	const chat = renderChat({history, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('1 bob'), 'the list');
	await chat.press(keys.alt('1'));
	await chat.waitFor((frame) => frame.includes('old 2'), 'the past messages');
	chat.client.emit({type: 'user-away', name: 'bob'});
	chat.client.emit({type: 'user-left', name: 'bob'});
	await chat.waitFor((frame) => frame.includes('bob left'), 'the event lines');
	await chat.submit('/who');
	await chat.waitFor((frame) => /bob is away[^]*bob left/.test(frame), 'both event lines');
	history.flush();
	assert.deepEqual(
		history.latest('bob', 10).map((message) => message.text),
		['old 0', 'old 1', 'old 2'],
	);
	await chat.submit('/search bob');
	await chat.waitFor((frame) => frame.includes('nothing found'), 'no event line found');
	await chat.press(keys.escape);
	await chat.submit('/search -a left');
	await chat.waitFor((frame) => frame.includes('nothing found'), 'nor in every conversation');
});

test('a message of several parts is one message in the history, as on the screen', async (t) => {
	const history = openHistory(t);
	const chat = renderChat({history, columns: 80, rows: 20});
	t.after(() => chat.unmount());
	chat.client.welcome('alice', ['bob']);
	const time = Date.now();
	chat.client.emit(
		{type: 'message', id: 'p1', time, from: 'bob', to: 'alice', text: 'first line', more: 1},
		{type: 'message', id: 'p2', time: time + 5, from: 'bob', to: 'alice', text: 'second'},
	);
	await chat.waitFor((frame) => frame.includes('second'), 'the message');
	history.flush();
	assert.deepEqual(
		history.latest('bob', 10).map(({uid, time: at, text}) => ({uid, at, text})),
		[{uid: 'p1', at: time, text: 'first line\nsecond'}],
	);
});

test('a /me, sent or received, is drawn as one again when the history is read back', async (t) => {
	const dir = storeDir();
	const history = openHistory(t, dir);
	const chat = renderChat({history, columns: 80, rows: 20});
	chat.client.welcome('alice', ['bob']);
	chat.client.emit({
		type: 'message',
		id: 'a1',
		time: Date.now(),
		from: 'bob',
		to: 'alice',
		text: 'waves',
		action: true,
	});
	await chat.waitFor((frame) => frame.includes('* bob waves'), 'the action received');
	await chat.submit('/me nods');
	await chat.waitFor((frame) => frame.includes('* alice nods'), 'the action sent');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	chat.unmount();
	history.flush();

	const again = renderChat({history: openHistory(t, dir), columns: 80, rows: 20});
	t.after(() => again.unmount());
	again.client.welcome('alice', ['bob']);
	await again.waitFor((frame) => /1 bob/.test(frame), 'the conversation listed');
	await again.press(keys.alt('1'));
	const frame = await again.waitFor((frame) => frame.includes('nods'), 'the history');
	assert.match(frame, /\* bob waves/);
	assert.match(frame, /\* alice nods/);
});

/** A session in `dir` in which alice sent "for later" to bob, who left, and the host stored it;
 * the ref it was sent with. */
async function storedForBob(t: TestContext, dir: string): Promise<string> {
	const history = openHistory(t, dir);
	const chat = renderChat({history, columns: 80, rows: 20});
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => frame.includes('to bob>'), 'bob chosen');
	await chat.submit('for later');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	const ref = chat.client.sends[0]?.ref ?? '';
	chat.client.emit({type: 'user-left', name: 'bob'});
	chat.client.emit({type: 'stored', ref, id: '7', time: Date.now()});
	await chat.waitFor((frame) => frame.includes('stored: delivered when bob returns'), 'stored');
	chat.unmount();
	history.flush();
	return ref;
}

test('a message stored for an offline owner still reads as stored in the next session, not as failed', async (t) => {
	const dir = storeDir();
	await storedForBob(t, dir);
	const again = renderChat({history: openHistory(t, dir), columns: 80, rows: 20});
	t.after(() => again.unmount());
	again.client.welcome('alice', ['carol']);
	await again.waitFor((frame) => /bob off/.test(frame), 'bob listed as offline');
	await again.press(keys.alt('1'));
	const frame = await again.waitFor((frame) => frame.includes('for later'), 'the message');
	assert.match(frame, /stored: delivered when bob returns/);
	assert.doesNotMatch(frame, /not delivered/);
});

test('a DELIVERED in the next session for a message stored in the one before marks it delivered', async (t) => {
	const dir = storeDir();
	const ref = await storedForBob(t, dir);
	const later = openHistory(t, dir);
	const again = renderChat({history: later, columns: 80, rows: 20});
	t.after(() => again.unmount());
	again.client.welcome('alice', ['bob']);
	await again.waitFor((frame) => frame.includes('1 bob'), 'the conversation, read at start');
	await again.press(keys.alt('1'));
	await again.waitFor((frame) => frame.includes('stored: delivered when bob returns'), 'stored');
	// Bob came back: the host owes alice this DELIVERED, for a ref of the run before.
	again.client.emit({type: 'delivered', ref, id: '7', time: Date.now()});
	const frame = await again.waitFor((frame) => /for later ✓/.test(frame), 'delivered now');
	assert.doesNotMatch(frame, /stored: delivered when/);
	assert.deepEqual(
		later.latest('bob', 1).map((message) => message.delivery?.state),
		['delivered'],
	);
});
