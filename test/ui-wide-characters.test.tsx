import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {displayWidth} from '../source/ui/state/text-width.js';
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

test('every part fits its own width: nothing relies on the screen clipping it', async () => {
	const long = '長い名前のユーザー長い名前のユーザー';
	for (const [columns, rows] of [
		[40, 12],
		[57, 14],
		[100, 30],
	] as const) {
		const chat = renderChat({columns, rows});
		chat.client.welcome('alice', [long, 'bob', '🎉party']);
		await chat.submit(`to:${long}`);
		chat.client.message(long, `${'🎉'.repeat(60)} ${'字'.repeat(70)} end`);
		await chat.press('😀'.repeat(50));
		let frame = await chat.waitFor((frame) => frame.includes('end'), 'the message');
		for (const line of frame.split('\n'))
			assert.ok(displayWidth(plain(line)) <= columns, `${columns} columns: ${plain(line)}`);
		await chat.press(keys.f1);
		frame = await chat.waitFor((frame) => frame.includes('Help'), 'the help');
		for (const line of frame.split('\n'))
			assert.ok(displayWidth(plain(line)) <= columns, `${columns} columns: ${plain(line)}`);
		chat.unmount();
	}
});
