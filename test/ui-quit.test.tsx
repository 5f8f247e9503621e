import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat, waitUntil} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

for (const [how, input] of [
	['quit', ['quit', keys.enter]],
	['/quit', ['/quit', keys.enter]],
	['Ctrl+C', [keys.ctrlC]],
	['Ctrl+D on an empty line', [keys.ctrlD]],
] as const) {
	test(`${how} logs out and ends with exit code 0`, async () => {
		const chat = renderChat();
		chat.client.welcome('alice', ['bob']);
		await chat.waitFor((frame) => frame.includes('bob'), 'the screen');
		await chat.press(...input);
		await waitUntil(() => chat.outcomes.length > 0, 'the end');
		assert.equal(chat.client.quits, 1);
		assert.deepEqual(chat.outcomes[0], {exitCode: 0});
	});
}

test('Ctrl+D with text deletes forward instead of quitting', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.press('ab', keys.left, keys.ctrlD);
	await chat.waitFor((frame) => /> a$/m.test(frame), 'b deleted');
	assert.equal(chat.client.quits, 0);
	assert.deepEqual(chat.outcomes, []);
});

test('the host ending the session ends the UI with its sentence and exit code 1', async () => {
	const chat = renderChat();
	chat.client.emit({
		type: 'closed',
		code: 'name-taken',
		message: 'the name alice is already in use on localhost:21567',
	});
	await waitUntil(() => chat.outcomes.length > 0, 'the end');
	assert.deepEqual(chat.outcomes[0], {
		exitCode: 1,
		message: 'the name alice is already in use on localhost:21567',
	});
});
