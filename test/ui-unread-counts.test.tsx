import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('unread counts grow per user and clear when the conversation is shown', async () => {
	const chat = renderChat({follow: false});
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.submit('to:bob');
	for (let index = 0; index < 3; index++) chat.client.message('carol', `c${index}`);
	chat.client.message('dave', 'd0');
	let frame = await chat.waitFor((frame) => frame.includes('carol 3'), 'three for carol');
	assert.match(frame, /dave 1/);
	await chat.press(keys.alt('2'));
	frame = await chat.waitFor((frame) => frame.includes('to carol>'), 'carol shown');
	assert.doesNotMatch(frame, /carol 3/);
	assert.match(frame, /dave 1/);
});

test('the terminal title shows the unread total and the bell rings once per conversation', async () => {
	const chat = renderChat({follow: false});
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	chat.client.message('carol', 'one');
	chat.client.message('carol', 'two');
	await chat.waitFor((frame) => frame.includes('carol 2'), 'two unread');
	await chat.waitFor(() => chat.controls.includes('\u001B]0;(2) chat: alice\u0007'), 'the title');
	assert.equal(chat.controls.filter((data) => data === '\u0007').length, 1);
	chat.client.message('bob', 'from the partner');
	await chat.waitFor((frame) => frame.includes('from the partner'), 'the partner message');
	assert.equal(
		chat.controls.filter((data) => data === '\u0007').length,
		1,
		'no bell for the shown one',
	);
	await chat.press(keys.alt('a'));
	await chat.waitFor(
		() => chat.controls.at(-1) === '\u001B]0;chat: alice\u0007',
		'title back to 0',
	);
});

test('--no-bell keeps quiet', async () => {
	const chat = renderChat({follow: false, bell: false});
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	chat.client.message('carol', 'one');
	await chat.waitFor((frame) => frame.includes('carol 1'), 'unread');
	assert.equal(chat.controls.includes('\u0007'), false);
});
