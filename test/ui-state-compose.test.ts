import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_MESSAGE_BYTES, MAX_MESSAGE_LINES} from '../source/client/limits.js';
import {chatReducer} from '../source/ui/state/chat-reducer.js';
import {moveLine} from '../source/ui/state/input-editing.js';
import {pastedText} from '../source/ui/state/pasted-text.js';
import {inputRows, inputRowCount} from '../source/ui/views/input-viewport.js';
import {messageAt} from '../source/ui/state/message-log.js';
import {events, submit, texts, welcomed} from './helpers/chat-state-driver.js';

test('a paste keeps its lines (CR, CRLF, LF alike) and tabs, and loses terminal control', () => {
	assert.equal(pastedText('a\r\nb\rc\nd\te\u001B[2J\u0007'), 'a\nb\nc\nd\te');
});

test('Up and Down move between the lines of the input, then past its ends', () => {
	const text = 'first line\nab\nthird';
	assert.deepEqual(moveLine({text, cursor: 8}, 1), {text, cursor: 13});
	assert.deepEqual(moveLine({text, cursor: 13}, 1), {text, cursor: 16});
	assert.deepEqual(moveLine({text, cursor: 16}, -1), {text, cursor: 13});
	assert.deepEqual(moveLine({text, cursor: 12}, -1), {text, cursor: 1});
	assert.equal(moveLine({text, cursor: 3}, -1), undefined);
	assert.equal(moveLine({text, cursor: 18}, 1), undefined);
	assert.deepEqual(moveLine({text: '\nx', cursor: 2}, -1), {text: '\nx', cursor: 0});
});

test('the input shows at most a few rows, always the one with the cursor', () => {
	const text = 'a\nb\nc\nd\ne\nf\ng';
	assert.equal(inputRowCount(text, 5), 5);
	assert.equal(inputRowCount('one line', 5), 1);
	const atEnd = inputRows({text, cursor: text.length}, 10, 5);
	assert.deepEqual([atEnd.first, atEnd.total, atEnd.rows.at(-1)?.before], [2, 7, 'g']);
	const atStart = inputRows({text, cursor: 0}, 10, 5);
	assert.deepEqual(
		[atStart.first, atStart.rows[0]?.atCursor, atStart.rows[1]?.after],
		[0, 'a', 'b'],
	);
});

test('parts of a message join the message they continue, even with a reply in between', () => {
	let state = submit(welcomed(['bob']), 'to:bob');
	const part = (id: string, text: string, more?: number) => ({
		type: 'message' as const,
		id,
		time: 1,
		from: 'bob',
		to: 'alice',
		text,
		...(more === undefined ? {} : {more}),
	});
	state = events(state, part('1', 'one', 1));
	state = submit(state, 'my reply');
	state = events(state, part('2', 'two', 0), part('3', 'three'));
	state = events(state, part('4', 'next message'));
	assert.deepEqual(texts(state, 'bob'), ['one\ntwothree', 'my reply', 'next message']);
	const log = state.conversations.get('bob')?.log;
	assert.equal(log && messageAt(log, 0)?.more, undefined, 'the message is complete');
});

test('parts count as one unread message', () => {
	let state = submit(welcomed(['bob', 'carol']), 'to:carol');
	state = chatReducer(state, {type: 'type-text', text: 'draft'});
	const part = (id: string, more?: number) => ({
		type: 'message' as const,
		id,
		time: 1,
		from: 'bob',
		to: 'alice',
		text: `part ${id}`,
		...(more === undefined ? {} : {more}),
	});
	state = events(state, part('1', 1), part('2', 1), part('3'));
	assert.equal(state.conversations.get('bob')?.unread, 1);
});

test('a sender who leaves mid-message ends it: their next message is a new one', () => {
	let state = submit(welcomed(['bob']), 'to:bob');
	state = events(state, {
		type: 'message',
		id: '1',
		time: 1,
		from: 'bob',
		to: 'alice',
		text: 'half',
		more: 1,
	});
	state = events(state, {type: 'user-left', name: 'bob'}, {type: 'user-joined', name: 'bob'});
	state = events(state, {
		type: 'message',
		id: '2',
		time: 2,
		from: 'bob',
		to: 'alice',
		text: 'again',
	});
	// The event line of the leaving (event-lines.ts) stands between the two messages.
	assert.deepEqual(texts(state, 'bob'), ['half', 'bob left', 'again']);
});

test('a paste past the whole-message limits is not pasted, and the notice says the limit', () => {
	let state = submit(welcomed(['bob']), 'to:bob');
	state = chatReducer(state, {type: 'paste', text: 'x\n'.repeat(MAX_MESSAGE_LINES)});
	assert.equal(state.input.text, '');
	assert.equal(
		state.notice?.text,
		`not pasted: that makes ${MAX_MESSAGE_LINES + 1} lines, and a message holds at most ${MAX_MESSAGE_LINES}`,
	);
	state = chatReducer(state, {type: 'paste', text: 'y'.repeat(MAX_MESSAGE_BYTES + 1)});
	assert.equal(state.input.text, '');
	assert.match(state.notice?.text ?? '', /a message holds at most 65536 bytes/);
});
