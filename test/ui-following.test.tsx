import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {FOLLOW_PAUSE_AFTER_CHOICE_MS} from '../source/client/limits.js';
import {renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('with an empty input line a message from someone else switches to them', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => frame.includes('to bob>'), 'bob chosen');
	// Right after a choice following waits (ui-following-rules.test.tsx); this is later.
	chat.clock.advance(FOLLOW_PAUSE_AFTER_CHOICE_MS);
	chat.client.message('carol', 'hello from carol');
	const frame = await chat.waitFor((frame) => frame.includes('to carol>'), 'switched to carol');
	assert.match(frame, /carol: hello from carol/);
});

test('while typing it stays: unread count, a notice, and the draft still goes to bob', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	await chat.press('for bob');
	chat.client.message('carol', 'one');
	chat.client.message('carol', 'two');
	const frame = await chat.waitFor((frame) => frame.includes('carol 2'), 'two unread from carol');
	assert.match(frame, /to bob> for bob/);
	assert.match(frame, /message from carol/);
	assert.doesNotMatch(frame, /carol: one/);
	await chat.press('\r');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(
		chat.client.sends.map(({to, text}) => ({to, text})),
		[{to: 'bob', text: 'for bob'}],
	);
});

test('--no-follow never switches, even with an empty line', async () => {
	const chat = renderChat({follow: false});
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	chat.client.message('carol', 'hi');
	const frame = await chat.waitFor((frame) => frame.includes('carol 1'), 'an unread count');
	assert.match(frame, /to bob>/);
});
