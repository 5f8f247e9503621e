// Following never pulls you away: not while you type, not while you read older messages, and not
// right after you chose a partner yourself. Then the notice says who wrote instead.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {FOLLOW_PAUSE_AFTER_CHOICE_MS} from '../source/client/limits.js';
import {command, eventsAt, message, submit, welcomed} from './helpers/chat-state-driver.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('right after to:carol a message from bob does not switch; later it does', () => {
	const chosen = Date.now();
	let state = submit(welcomed(['bob', 'carol']), 'to:carol', chosen);
	state = eventsAt(state, chosen + FOLLOW_PAUSE_AFTER_CHOICE_MS - 1, message('bob', 'psst'));
	assert.equal(state.partner, 'carol');
	assert.equal(state.notice?.text, 'message from bob (Alt+A to read)');
	assert.equal(state.conversations.get('bob')?.unread, 1);
	state = eventsAt(state, chosen + FOLLOW_PAUSE_AFTER_CHOICE_MS, message('dave', 'hi'));
	assert.equal(state.partner, 'dave');
});

test('a partner chosen with Ctrl+N or Alt+digit holds following off too', () => {
	const chosen = Date.now();
	for (const choose of [
		(state: ReturnType<typeof welcomed>) => command(state, 'next-user', '', chosen),
		(state: ReturnType<typeof welcomed>) => command(state, 'jump-to-user', '1', chosen),
	]) {
		// Both open long ago (Alt+1 reaches only an open conversation), carol shown.
		const long = chosen - FOLLOW_PAUSE_AFTER_CHOICE_MS;
		const opened = submit(submit(welcomed(['bob', 'carol']), 'to:bob', long), 'to:carol', long);
		let state = choose(opened);
		assert.equal(state.partner, 'bob');
		state = eventsAt(state, chosen + 1000, message('carol', 'hi'));
		assert.equal(state.partner, 'bob');
	}
});

test('being followed is not a choice: the next message may follow at once', () => {
	const long = Date.now() - FOLLOW_PAUSE_AFTER_CHOICE_MS;
	let state = submit(welcomed(['bob', 'carol', 'dave']), 'to:bob', long);
	const now = Date.now();
	state = eventsAt(state, now, message('carol', 'one'));
	assert.equal(state.partner, 'carol');
	state = eventsAt(state, now + 1, message('dave', 'two'));
	assert.equal(state.partner, 'dave');
});

test('while scrolled back reading, a message from someone else does not switch', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	for (let index = 0; index < 40; index++) chat.client.message('bob', `old ${index}`);
	await chat.waitFor((frame) => frame.includes('old 39'), 'the history');
	chat.clock.advance(FOLLOW_PAUSE_AFTER_CHOICE_MS);
	await chat.press(keys.pageUp);
	await chat.waitFor((frame) => frame.includes('more below'), 'scrolled up');
	chat.client.message('carol', 'hey');
	const frame = await chat.waitFor((frame) => frame.includes('message from carol'), 'notice');
	assert.match(frame, /to bob>/);
	assert.match(frame, /carol 1/);
	// At the bottom again, the next one follows.
	await chat.press(keys.pageDown, keys.pageDown, keys.pageDown);
	await chat.waitFor((frame) => !frame.includes('more below'), 'at the bottom');
	chat.client.message('carol', 'still there?');
	await chat.waitFor((frame) => frame.includes('to carol>'), 'followed carol');
});

test('to:carol, then bob writes: the first words still go to carol', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:carol');
	await chat.waitFor((frame) => frame.includes('to carol>'), 'carol chosen');
	chat.clock.advance(FOLLOW_PAUSE_AFTER_CHOICE_MS - 1000);
	chat.client.message('bob', 'quick question');
	await chat.waitFor((frame) => frame.includes('message from bob (Alt+A to read)'), 'notice');
	await chat.submit('hello carol');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(
		chat.client.sends.map(({to, text}) => ({to, text})),
		[{to: 'carol', text: 'hello carol'}],
	);
});
