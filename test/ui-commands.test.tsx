// The commands people type from habit: /msg, /to NAME text, /who, /clear, /reconnect, and an
// unknown command, which keeps the line and names the known ones.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {commandWords, parseInputCommand} from '../source/ui/keys/input-command.js';
import {keys, renderChat, waitUntil, type ChatHarness} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

async function started(): Promise<ChatHarness> {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.waitFor((frame) => frame.includes('dave'), 'the list');
	return chat;
}

const sent = (chat: ChatHarness) => chat.client.sends.map(({to, text}) => ({to, text}));

test('/msg NAME text sends to NAME and switches to them', async () => {
	const chat = await started();
	await chat.submit('to:bob');
	await chat.submit('/msg carol  are you  coming?');
	await chat.waitFor((frame) => frame.includes('to carol>'), 'switched to carol');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(sent(chat), [{to: 'carol', text: 'are you  coming?'}]);
	assert.match(chat.frame(), /alice: are you {2}coming\?/);
});

test('/to nick hello there chats with nick and sends hello there', async () => {
	const chat = await started();
	await chat.submit('/to dave hello there');
	await chat.waitFor((frame) => frame.includes('to dave>'), 'switched to dave');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(sent(chat), [{to: 'dave', text: 'hello there'}]);
});

test('/msg to a name nobody online has leaves the message: stored for an owner, else not delivered', async () => {
	const chat = await started();
	await chat.submit('/msg zed see you');
	await chat.waitFor((frame) => frame.includes('to zed>'), 'the conversation with zed');
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(sent(chat), [{to: 'zed', text: 'see you'}]);
	const [send] = chat.client.sends;
	chat.client.emit({type: 'stored', ref: send?.ref ?? '', id: '7', time: Date.now()});
	await chat.waitFor(
		(frame) => frame.includes('see you stored: delivered when zed returns'),
		'stored',
	);

	await chat.submit('/msg nobody hello');
	// The frame can be drawn a moment before the outbox effect hands the message to the client.
	const ref = await waitUntil(() => chat.client.sends[1]?.ref, 'the second send');
	chat.client.emit({
		type: 'failed',
		ref,
		code: 'no-such-user',
		reason: 'the user nobody does not exist',
	});
	const frame = await chat.waitFor(
		(frame) => frame.includes('hello ✗ not delivered: the user nobody does'),
		'failed, with the host\'s reason, not "nobody left"',
	);
	// Not lost: the text stays in the conversation, marked.
	assert.match(frame, /alice: hello/);
});

test('/msg to something that cannot be a name keeps the line', async () => {
	const chat = await started();
	await chat.submit('/msg no:colons hi');
	const frame = await chat.waitFor((frame) => frame.includes('cannot be a name'), 'error');
	assert.match(frame, /> \/msg no:colons hi/);
	assert.equal(chat.client.sends.length, 0);
});

test('/who lists who is online in the conversation, away users marked', async () => {
	const chat = await started();
	chat.client.emit({type: 'user-away', name: 'carol'});
	await chat.submit('to:bob');
	await chat.submit('/who');
	await chat.waitFor(
		(frame) => frame.includes('3 others are online: bob, carol (away), dave'),
		'the list of who is online',
	);
	assert.equal(chat.client.sends.length, 0);
});

test('/who without a partner answers on the notice line', async () => {
	const chat = await started();
	await chat.submit('/who');
	await chat.waitFor((frame) => frame.includes('3 others are online: bob, carol, dave'), 'notice');
});

test('/clear empties the screen, and PgUp still shows the history', async () => {
	const chat = await started();
	await chat.submit('to:bob');
	chat.client.message('bob', 'an old message');
	await chat.waitFor((frame) => frame.includes('an old message'), 'the message');
	await chat.submit('/clear');
	await chat.waitFor((frame) => !frame.includes('an old message'), 'cleared');
	chat.client.message('bob', 'a new one');
	await chat.waitFor((frame) => frame.includes('a new one'), 'the new message');
	assert.doesNotMatch(chat.frame(), /an old message/);
	await chat.press(keys.pageUp);
	await chat.waitFor((frame) => frame.includes('an old message'), 'the history, scrolled up');
});

test('/reconnect asks the client to try now, and only while disconnected', async () => {
	const chat = await started();
	await chat.submit('/reconnect');
	await chat.waitFor((frame) => frame.includes('already connected'), 'the answer');
	assert.equal(chat.client.reconnects, 0);
	chat.client.emit({type: 'state', state: 'reconnecting', detail: 'retrying in 8 s'});
	await chat.waitFor((frame) => frame.includes('reconnecting'), 'reconnecting');
	await chat.submit('/reconnect');
	await waitUntil(() => chat.client.reconnects === 1, 'the reconnect');
});

test('an unknown command keeps the input line and names the known commands', async () => {
	const chat = await started();
	await chat.submit('to:bob');
	await chat.submit('/mgs carol hi');
	const frame = await chat.waitFor((frame) => frame.includes('unknown command /mgs'), 'error');
	assert.match(frame, /> \/mgs carol hi/, 'the line stays to be corrected');
	const words = ['/to', '/msg', '/who', '/clear', '/reconnect', '/close', '/help', '/quit'];
	// And those of the other commands: /me, //text, /search (Ctrl+R's row), /forget.
	for (const word of [...words, '/me', '//', '/search', '/forget']) {
		assert.ok(commandWords().includes(word), word);
	}
	assert.equal(chat.client.sends.length, 0);
	await chat.press(keys.ctrlU);
	await chat.waitFor((frame) => /to bob> *$/m.test(frame), 'the line emptied');
});

test('parsing: a name ends at the first space, and a bare /to or /msg has no text', () => {
	assert.deepEqual(parseInputCommand('/msg bob hi  there '), {
		type: 'choose',
		name: 'bob',
		text: 'hi  there',
	});
	assert.deepEqual(parseInputCommand('/to bob'), {type: 'choose', name: 'bob'});
	assert.deepEqual(parseInputCommand('/MSG bob'), {type: 'choose', name: 'bob'});
	assert.deepEqual(parseInputCommand('/msg'), {type: 'choose', name: ''});
	assert.deepEqual(parseInputCommand('/who'), {type: 'who'});
	assert.deepEqual(parseInputCommand('/clear'), {type: 'clear'});
});
