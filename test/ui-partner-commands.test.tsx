import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('to:NAME and /to NAME choose the partner', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => frame.includes('to bob>'), 'bob');
	await chat.submit('/to carol');
	await chat.waitFor((frame) => frame.includes('to carol>'), 'carol');
});

test('an unknown name shows an error line and keeps the partner', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.submit('to:zed');
	let frame = await chat.waitFor(
		(frame) => frame.includes('there is no user named zed online'),
		'the error',
	);
	assert.match(frame, /to bob>/);
	await chat.submit('/to nobody');
	frame = await chat.waitFor((frame) => frame.includes('no user named nobody'), 'the error');
	assert.match(frame, /to bob>/);
});

test('Enter with no partner shows the hint and sends nothing', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('bob'), 'the list');
	await chat.submit('hello?');
	const frame = await chat.waitFor(
		(frame) => frame.split('\n').some((line) => line.startsWith('choose who to chat with')),
		'the hint on the notice line',
	);
	assert.match(frame, /> hello\?/);
	assert.deepEqual(chat.client.sends, []);
});

test('an error from the host shows on the notice line', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	chat.client.emit({type: 'error', code: 'flood', message: 'you are sending too fast: slow down'});
	await chat.waitFor((frame) => frame.includes('you are sending too fast'), 'the error');
});
