// The terminal's own keys: Ctrl+L draws the screen again, Ctrl+Z suspends (the real stop and fg
// are in client-suspend-terminal.test.ts), and on a terminal too small to draw on the keys that
// need no screen still work, and the notice names Ctrl+C.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat, waitUntil} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const CLEAR_SCREEN = '\u001B[2J\u001B[H';

test('Ctrl+L clears the terminal and draws the whole screen again', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	chat.client.message('bob', 'still here');
	await chat.waitFor((frame) => frame.includes('still here'), 'the screen');
	const before = chat.writes().length;
	await chat.press(keys.ctrlL);
	// Ink's write draws the last frame again below the clear; its test mode does not, so the
	// frame after it is checked in a real terminal (client-suspend-terminal.test.ts).
	await waitUntil(
		() =>
			chat
				.writes()
				.slice(before)
				.some((write) => write.includes(CLEAR_SCREEN)),
		'the clear',
	);
	chat.client.message('bob', 'and again');
	const frame = await chat.waitFor((frame) => frame.includes('and again'), 'the next frame');
	assert.match(frame, /still here/);
	assert.match(frame, /to bob> *$/m, 'nothing typed');
});

test('Ctrl+Z suspends, and the screen is drawn again when it comes back', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('F1 help'), 'the screen');
	const before = chat.writes().length;
	await chat.press(keys.ctrlZ);
	await waitUntil(() => chat.suspends === 1, 'the suspend');
	await waitUntil(
		() =>
			chat
				.writes()
				.slice(before)
				.some((write) => write.includes(CLEAR_SCREEN)),
		'the redraw after fg',
	);
	assert.doesNotMatch(chat.frame(), /> z/);
});

test('too small: the notice names Ctrl+C, and Ctrl+L, Ctrl+Z and the quit question work', async () => {
	const chat = renderChat({columns: 80, rows: 24});
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.submit('not delivered yet');
	await waitUntil(() => chat.client.sends.length === 1, 'the send');
	chat.resize(30, 10);
	const frame = await chat.waitFor((frame) => frame.includes('terminal too small'), 'the notice');
	assert.match(frame.replaceAll(/\s+/g, ' '), /or press Ctrl\+C to quit/);
	const before = chat.writes().length;
	await chat.press(keys.ctrlL);
	await waitUntil(
		() =>
			chat
				.writes()
				.slice(before)
				.some((write) => write.includes(CLEAR_SCREEN)),
		'the redraw',
	);
	await chat.press(keys.ctrlZ);
	await waitUntil(() => chat.suspends === 1, 'the suspend');
	await chat.press(keys.ctrlC);
	const asked = await chat.waitFor((frame) => frame.includes('quit anyway'), 'the question');
	assert.match(asked.replaceAll(/\s+/g, ' '), /1 message to bob is not delivered yet/);
	await chat.press('n');
	await chat.waitFor((frame) => !frame.includes('quit anyway'), 'answered no');
	assert.deepEqual(chat.outcomes, []);
	await chat.press(keys.ctrlC, 'y');
	await waitUntil(() => chat.outcomes.length > 0, 'the end');
	assert.deepEqual(chat.outcomes[0], {exitCode: 0});
	assert.equal(chat.client.sends.length, 1, 'nothing typed blind was sent');
});
