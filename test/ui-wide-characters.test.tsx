import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {displayWidth} from '../source/ui/text-width.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const plain = (line: string) => line.replaceAll(/\u001B\[[\d;]*m/g, '');

test('CJK and emoji messages wrap by display width', async () => {
	const chat = renderChat({columns: 40, rows: 12});
	chat.client.welcome('alice', ['张伟']);
	await chat.submit('to:张伟');
	chat.client.message('张伟', '你好世界'.repeat(6) + ' 👍🏽🎉');
	const frame = await chat.waitFor((frame) => frame.includes('🎉'), 'the message');
	for (const line of frame.split('\n')) assert.ok(displayWidth(plain(line)) <= 40, line);
	assert.match(frame, /张伟: 你好/);
	assert.doesNotMatch(frame, /\uFFFD/);
});

test('Backspace removes a whole emoji or CJK character from the input', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.press('ok 👍🏽', keys.backspace);
	await chat.waitFor((frame) => /to bob> ok ?$/m.test(frame), 'the emoji gone whole');
	await chat.press('世界', keys.backspace, keys.backspace, '🇫🇷', keys.left, 'x');
	await chat.waitFor((frame) => frame.includes('to bob> ok x🇫🇷'), 'typing before a flag');
	await chat.press('\r');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.equal(chat.client.sends[0]?.text, 'ok x🇫🇷');
});

test('escape sequences from a peer are not drawn', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	chat.client.message('bob', 'clear\u001B[2J\u001B]0;owned\u0007 done');
	const frame = await chat.waitFor((frame) => frame.includes('done'), 'the message');
	assert.match(frame, /bob: clear done/);
	assert.doesNotMatch(frame, /\u001B\[2J|owned/);
});
