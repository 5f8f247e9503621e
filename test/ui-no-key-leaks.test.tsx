import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('no shortcut or unbound key leaves a character in the input line', async () => {
	const chat = renderChat({follow: false});
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	await chat.press('hi');
	await chat.press(
		keys.ctrlN,
		keys.ctrlP,
		keys.alt('1'),
		keys.alt('9'),
		keys.alt('a'),
		keys.alt('x'),
		keys.pageUp,
		keys.pageDown,
		keys.f1,
		keys.escape,
		keys.tab,
		'\u001B[15~', // F5, unbound
		'\u0007', // Ctrl+G, unbound
		'\u001B[1;5A', // Ctrl+Up, unbound
	);
	await chat.press('!', '\r');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(chat.client.sends[0]?.text, 'hi!');
});

test('readline keys edit the line', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.press('hello big world', keys.ctrlW);
	await chat.waitFor(
		(frame) => /to bob> hello big $/m.test(frame) || /to bob> hello big$/m.test(frame),
		'ctrl+w',
	);
	await chat.press(keys.ctrlA, '>');
	await chat.waitFor((frame) => frame.includes('to bob> >hello big'), 'ctrl+a');
	await chat.press(keys.ctrlU);
	await chat.waitFor(
		(frame) => /to bob> hello big/.test(frame),
		'ctrl+u deletes before the cursor',
	);
});

test('Up and Down recall earlier lines', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.submit('first');
	await chat.submit('second');
	await chat.press(keys.up, keys.up);
	await chat.waitFor((frame) => frame.includes('to bob> first'), 'first recalled');
	await chat.press(keys.down);
	await chat.waitFor((frame) => frame.includes('to bob> second'), 'second recalled');
});

test('Tab completes a user name after to:', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.press('to:ca', keys.tab);
	await chat.waitFor((frame) => frame.includes('> to:carol'), 'completed');
	await chat.press('\r');
	await chat.waitFor((frame) => frame.includes('to carol>'), 'carol chosen');
});
