import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat} from './helpers/render-chat.js';

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

test('to:NAME finds a user by the name key, as the host does: case and look-alike letters', async () => {
	const chat = renderChat({self: 'bob'});
	chat.client.welcome('bob', ['alice', 'carol']);
	// A Cyrillic а (U+0430) where alice has a Latin a: the host would count them the same name.
	await chat.submit('to:\u0430lice');
	await chat.waitFor((frame) => frame.includes('to alice>'), 'alice chosen');
	await chat.submit('to:CAROL');
	await chat.waitFor((frame) => frame.includes('to carol>'), 'carol chosen');
	await chat.submit('to:b\u043Eb');
	await chat.waitFor((frame) => frame.includes('you cannot chat with yourself'), 'self refused');
	await chat.submit('hi');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(
		chat.client.sends.map(({to, text}) => ({to, text})),
		[{to: 'carol', text: 'hi'}],
	);
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

test('Enter with no partner sends nothing; to:NAME then brings the line back to send', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('bob'), 'the list');
	await chat.submit('hello?');
	await chat.waitFor(
		(frame) => frame.split('\n').some((line) => line.startsWith('not sent yet: choose who')),
		'the notice',
	);
	assert.equal(chat.client.sends.length, 0);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => /to bob> hello\?/.test(frame), 'the line back in the input');
	await chat.press(keys.enter);
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.equal(chat.client.sends[0]?.text, 'hello?');
});

test('with Ctrl+N instead of to:NAME the line comes back too', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('bob'), 'the list');
	await chat.submit('psst');
	await chat.waitFor((frame) => frame.includes('not sent yet'), 'the notice');
	await chat.press(keys.ctrlN);
	await chat.waitFor((frame) => /to bob> psst/.test(frame), 'the line back in the input');
});

test('an error from the host shows on the notice line', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	chat.client.emit({type: 'error', code: 'flood', message: 'you are sending too fast: slow down'});
	await chat.waitFor((frame) => frame.includes('you are sending too fast'), 'the error');
});
