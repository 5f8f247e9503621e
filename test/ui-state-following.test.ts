import assert from 'node:assert/strict';
import {test} from 'node:test';
import {FOLLOW_PAUSE_AFTER_CHOICE_MS} from '../source/client/limits.js';
import {unreadOf, unreadTotal} from '../source/ui/state/chat-state.js';
import {
	command,
	events,
	eventsAt,
	message,
	submit,
	texts,
	type,
	welcomed,
} from './helpers/chat-state-driver.js';

test('a message from another user switches to them while the input line is empty', () => {
	const chosen = Date.now();
	let state = submit(welcomed(['bob', 'carol']), 'to:bob', chosen);
	state = eventsAt(state, chosen + FOLLOW_PAUSE_AFTER_CHOICE_MS, message('carol', 'hi'));
	assert.equal(state.partner, 'carol');
	assert.equal(state.conversations.get('carol')?.unread, 0);
	assert.equal(state.bells, 1);
	assert.deepEqual(texts(state, 'carol'), ['hi']);
});

test('while typing it does not switch: unread count and a notice instead', () => {
	let state = type(submit(welcomed(['bob', 'carol']), 'to:bob'), 'half a thought');
	state = events(state, message('carol', 'one'), message('carol', 'two'));
	assert.equal(state.partner, 'bob');
	assert.equal(state.input.text, 'half a thought');
	assert.equal(state.conversations.get('carol')?.unread, 2);
	assert.equal(unreadTotal(state), 2);
	assert.equal(state.notice?.text, 'message from carol (Alt+A to read)');
	assert.equal(state.bells, 1, 'the bell rings once for a burst');
});

test('--no-follow never switches', () => {
	let state = submit(welcomed(['bob', 'carol'], {follow: false}), 'to:bob');
	state = events(state, message('carol', 'hi'));
	assert.equal(state.partner, 'bob');
	assert.equal(state.conversations.get('carol')?.unread, 1);
});

test('a message from the partner adds no unread count and rings no bell', () => {
	let state = submit(welcomed(['bob']), 'to:bob');
	state = events(state, message('bob', 'hi'));
	assert.equal(state.conversations.get('bob')?.unread, 0);
	assert.equal(state.bells, 0);
});

test('Alt+A goes to the next conversation with unread messages and clears its count', () => {
	let state = type(submit(welcomed(['bob', 'carol', 'dave']), 'to:bob'), 'x');
	state = events(state, message('dave', 'hi'));
	state = command(state, 'next-unread');
	assert.equal(state.partner, 'dave');
	assert.equal(unreadTotal(state), 0);
	assert.equal(command(state, 'next-unread').notice?.text, 'no unread messages');
});

test('messages while scrolled up are counted as new below', () => {
	let state = submit(welcomed(['bob']), 'to:bob');
	for (let index = 0; index < 40; index++) state = events(state, message('bob', `m${index}`));
	state = command(state, 'scroll-up');
	assert.ok(state.conversations.get('bob')?.scroll);
	state = events(state, message('bob', 'new 1'), message('bob', 'new 2'));
	assert.equal(state.conversations.get('bob')?.newBelow, 2);
	state = command(command(command(state, 'scroll-down'), 'scroll-down'), 'scroll-down');
	assert.equal(state.conversations.get('bob')?.scroll, undefined);
	assert.equal(state.conversations.get('bob')?.newBelow, 0);
});

test('a batch of events gives the same state as the events one by one', () => {
	const batch = [
		message('carol', 'c1'),
		message('carol', 'c2'),
		message('bob', 'b1'),
		message('dave', 'd1'),
		message('dave', 'd2'),
		message('bob', 'b2'),
	];
	for (const typing of ['', 'draft']) {
		// Chosen long enough ago that following may switch (following-rule.ts).
		const chosen = Date.now() - FOLLOW_PAUSE_AFTER_CHOICE_MS;
		const start = type(submit(welcomed(['bob', 'carol', 'dave']), 'to:bob', chosen), typing);
		const together = events(start, ...batch);
		let apart = start;
		for (const event of batch) apart = events(apart, event);
		assert.equal(together.partner, apart.partner, typing);
		assert.equal(together.bells, apart.bells, typing);
		assert.deepEqual(together.notice, apart.notice, typing);
		for (const name of ['bob', 'carol', 'dave']) {
			assert.deepEqual(texts(together, name), texts(apart, name), name);
			assert.equal(unreadOf(together, name), unreadOf(apart, name), name);
		}
	}
});
