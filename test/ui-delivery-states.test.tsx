import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {renderChat, waitUntil, type ChatHarness} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

async function sentOne(text: string): Promise<{chat: ChatHarness; ref: string}> {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.submit(text);
	await chat.waitFor((frame) => frame.includes(`${text} …sending`), 'sending');
	// The frame can be drawn a moment before the outbox effect hands the message to the client.
	const ref = await waitUntil(() => chat.client.sends.at(-1)?.ref, 'the send');
	assert.deepEqual(chat.client.sends.at(-1), {ref, to: 'bob', text});
	return {chat, ref};
}

test('a message shows sending, then delivered', async () => {
	const {chat, ref} = await sentOne('hello bob');
	chat.client.emit({type: 'delivered', ref, id: '7', time: Date.now()});
	await chat.waitFor((frame) => frame.includes('hello bob ✓'), 'delivered');
});

test('held for an away user, then delivered', async () => {
	const {chat, ref} = await sentOne('are you there');
	chat.client.emit({type: 'held', ref, id: '7', time: Date.now()});
	await chat.waitFor((frame) => frame.includes('are you there …held'), 'held');
	chat.client.emit({type: 'delivered', ref, id: '7', time: Date.now()});
	await chat.waitFor((frame) => frame.includes('are you there ✓'), 'delivered');
});

test('failed shows the reason', async () => {
	const {chat, ref} = await sentOne('too late');
	chat.client.emit({type: 'failed', ref, code: 'user-left', reason: 'bob left'});
	await chat.waitFor(
		(frame) => frame.includes('too late ✗ not delivered: bob left'),
		'failed with reason',
	);
});

test('results find their own message among several', async () => {
	const {chat, ref: first} = await sentOne('first');
	await chat.submit('second');
	await chat.waitFor((frame) => frame.includes('second …sending'), 'second sending');
	chat.client.emit({
		type: 'failed',
		ref: first,
		code: 'no-such-user',
		reason: 'nobody by that name is online',
	});
	const frame = await chat.waitFor((frame) => frame.includes('first ✗'), 'first failed');
	assert.match(frame, /second …sending/);
});

test('a message to a partner who left fails as "bob left", not as an unknown user', async () => {
	const {chat} = await sentOne('first');
	chat.client.emit({type: 'user-left', name: 'bob'});
	await chat.waitFor((frame) => frame.includes('bob (offline)'), 'bob offline');
	await chat.submit('are you there?');
	// Ink handles the Enter on its own schedule: wait for the send, or the ref is the first one's.
	await chat.waitFor(() => chat.client.sends.length === 2, 'the second send');
	const ref = chat.client.sends.at(-1)?.ref;
	assert.ok(ref);
	// What the host says for a name that is not online: true, but not what the person needs.
	chat.client.emit({
		type: 'failed',
		ref,
		code: 'no-such-user',
		reason: 'the user bob does not exist',
	});
	await chat.waitFor(
		(frame) => frame.includes('are you there? ✗ not delivered: bob left'),
		'failed as bob left',
	);
});
