// Quitting while messages are not delivered yet asks first; y quits, n goes back to the chat.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {quitQuestion} from '../source/ui/state/quit-question.js';
import {command, events, submit, type, welcomed} from './helpers/chat-state-driver.js';
import {keys, renderChat, waitUntil, type ChatHarness} from './helpers/render-chat.js';
import {chatReducer} from '../source/ui/state/chat-reducer.js';

afterEach(() => {
	cleanup();
});

const QUESTION = '2 messages to bob are not delivered yet: quit anyway? y/n';

async function twoWaiting(): Promise<ChatHarness> {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.submit('one');
	await chat.submit('two');
	await waitUntil(() => chat.client.sends.length === 2, 'both handed to the client');
	return chat;
}

test('Ctrl+C with two messages waiting asks; n goes back, y quits', async () => {
	const chat = await twoWaiting();
	await chat.press(keys.ctrlC);
	await chat.waitFor((frame) => frame.includes(QUESTION), 'the question');
	assert.equal(chat.client.quits, 0);
	await chat.press('x', keys.enter);
	assert.match(chat.frame(), /to bob> *$/m, 'other keys type nothing while it asks');
	await chat.press('n');
	await chat.waitFor((frame) => !frame.includes('quit anyway'), 'back to the chat');
	assert.equal(chat.client.quits, 0);
	await chat.submit('/quit');
	await chat.waitFor((frame) => frame.includes(QUESTION), 'asked again');
	await chat.press('y');
	await waitUntil(() => chat.outcomes.length > 0, 'the end');
	assert.equal(chat.client.quits, 1);
	assert.deepEqual(chat.outcomes[0], {exitCode: 0});
});

test('Esc answers no; a second Ctrl+C quits anyway', async () => {
	const chat = await twoWaiting();
	await chat.press(keys.ctrlC);
	await chat.waitFor((frame) => frame.includes(QUESTION), 'the question');
	await chat.press(keys.escape);
	await chat.waitFor((frame) => !frame.includes('quit anyway'), 'back');
	await chat.press(keys.ctrlC);
	await chat.waitFor((frame) => frame.includes(QUESTION), 'asked again');
	await chat.press(keys.ctrlC);
	await waitUntil(() => chat.outcomes.length > 0, 'the end');
	assert.equal(chat.client.quits, 1);
});

test('once they are delivered, quitting asks nothing', async () => {
	const chat = await twoWaiting();
	for (const {ref} of chat.client.sends) {
		chat.client.emit({type: 'delivered', ref, id: ref, time: Date.now()});
	}
	await chat.waitFor((frame) => (frame.match(/✓/g) ?? []).length === 2, 'both delivered');
	await chat.press(keys.ctrlC);
	await waitUntil(() => chat.outcomes.length > 0, 'the end');
	assert.equal(chat.client.quits, 1);
});

test('the question counts per recipient, and held messages are safe with the host', () => {
	let state = submit(submit(welcomed(['bob', 'carol']), 'to:bob'), 'hi bob');
	state = submit(submit(state, 'to:carol'), 'hi carol');
	assert.equal(
		quitQuestion(state),
		'2 messages to bob and carol are not delivered yet: quit anyway? y/n',
	);
	state = chatReducer(state, {type: 'sent', localId: 1, ref: 'r1'});
	state = events(state, {type: 'held', ref: 'r1', id: '1', time: Date.now()});
	assert.equal(quitQuestion(state), '1 message to carol is not delivered yet: quit anyway? y/n');
	state = command(type(state, ''), 'quit');
	assert.equal(state.quitRequested, false);
	assert.equal(state.quitAsking, '1 message to carol is not delivered yet: quit anyway? y/n');
});
