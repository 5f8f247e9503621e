// What happens around a conversation shows in it as a dim line: bob left, is away, is back; the
// connection was lost, is back, or the host is shutting down. Away from the host, nobody's
// presence is known.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {unreadTotal} from '../source/ui/state/chat-state.js';
import {messageAt} from '../source/ui/state/message-log.js';
import {wrapMessage} from '../source/ui/state/wrap-message.js';
import {events, message, submit, welcomed} from './helpers/chat-state-driver.js';
import {renderChat, type ChatHarness} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

/** The line of the frame that contains `text`. */
function lineWith(chat: ChatHarness, text: string): string {
	return (
		chat
			.frame()
			.split('\n')
			.find((line) => line.includes(text)) ?? ''
	);
}

async function chattingWithBob(): Promise<ChatHarness> {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.submit('to:bob');
	chat.client.message('bob', 'hi');
	await chat.waitFor((frame) => frame.includes('bob: hi'), 'the first message');
	return chat;
}

for (const [what, event, line] of [
	['away', {type: 'user-away', name: 'bob'}, 'bob is away'],
	['left', {type: 'user-left', name: 'bob'}, 'bob left'],
] as const) {
	test(`bob ${what}: a dim line in the conversation with bob`, async () => {
		const chat = await chattingWithBob();
		chat.client.emit(event);
		await chat.waitFor((frame) => frame.includes(line), line);
		assert.match(lineWith(chat, line), new RegExp(`\\d\\d:\\d\\d ${line}$`));
	});
}

test('bob is back after being away; a back without an away says nothing', () => {
	let state = events(submit(welcomed(['bob']), 'to:bob'), message('bob', 'hi'));
	state = events(state, {type: 'user-back', name: 'bob'});
	assert.deepEqual(eventTexts(state, 'bob'), []);
	state = events(state, {type: 'user-away', name: 'bob'}, {type: 'user-away', name: 'bob'});
	state = events(state, {type: 'user-back', name: 'bob'});
	assert.deepEqual(eventTexts(state, 'bob'), ['bob is away', 'bob is back']);
	assert.equal(unreadTotal(state), 0, 'event lines are not unread messages');
	assert.equal(state.bells, 0, 'and ring no bell');
});

test('a user without an open conversation gets no conversation for their news', () => {
	const state = events(welcomed(['bob', 'carol']), {type: 'user-away', name: 'carol'});
	assert.equal(state.conversations.has('carol'), false);
});

test('connection lost, then reconnected, in every open conversation', () => {
	let state = events(submit(welcomed(['bob', 'carol']), 'to:bob'), message('carol', 'yo'));
	state = events(state, {type: 'state', state: 'reconnecting', detail: 'retrying in 1 s'});
	state = events(state, {type: 'state', state: 'connecting'});
	state = events(state, {type: 'welcome', name: 'alice', users: ['alice', 'bob', 'carol']});
	for (const name of ['bob', 'carol']) {
		assert.deepEqual(eventTexts(state, name), ['connection lost', 'reconnected'], name);
	}
});

test('the host shutting down is said once, not followed by "connection lost"', async () => {
	const chat = await chattingWithBob();
	chat.client.emit({type: 'host-shutdown', message: 'the host is shutting down'});
	chat.client.emit({type: 'state', state: 'reconnecting', detail: 'retrying in 1 s'});
	await chat.waitFor((frame) => frame.includes('the host is shutting down'), 'the line');
	await chat.waitFor((frame) => frame.includes('reconnecting'), 'reconnecting');
	assert.doesNotMatch(chat.frame(), /connection lost/);
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('reconnected'), 'reconnected');
});

test('while disconnected the list and the header show everyone as unknown', async () => {
	const chat = await chattingWithBob();
	chat.client.emit({type: 'state', state: 'reconnecting', detail: 'retrying in 1 s'});
	const frame = await chat.waitFor((frame) => frame.includes('reconnecting'), 'reconnecting');
	assert.match(frame, /bob \?/);
	assert.match(frame, /carol \?/);
	assert.match(frame, /bob \(not known while disconnected\)/);
	chat.client.welcome('alice', ['bob', 'carol']);
	const back = await chat.waitFor((frame) => frame.includes('reconnected'), 'back');
	assert.doesNotMatch(back, /\?/);
});

function eventTexts(state: ReturnType<typeof welcomed>, partner: string): string[] {
	const log = state.conversations.get(partner)?.log;
	if (!log) return [];
	const texts: string[] = [];
	for (let index = 0; index < log.length; index++) {
		const line = messageAt(log, index);
		if (line?.event) texts.push(line.text);
	}
	return texts;
}

test('an event line has a time and no sender, and its text is drawn in the event style (dim)', () => {
	const time = new Date(2026, 10, 25, 18, 40).getTime();
	const [line] = wrapMessage({seq: 0, time, from: '', text: 'bob left', event: true}, 40);
	assert.deepEqual(line?.spans, [
		{text: '18:40', style: 'time'},
		{text: ' bob left', style: 'event'},
	]);
});
