import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat, type ChatHarness} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

async function started(): Promise<ChatHarness> {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.waitFor((frame) => frame.includes('dave'), 'the user list');
	return chat;
}

const promptOf = (chat: ChatHarness) => /to (\w+)>/.exec(chat.frame())?.[1];

async function expectPartner(chat: ChatHarness, name: string) {
	await chat.waitFor((frame) => frame.includes(`to ${name}>`), `partner ${name}`);
	assert.equal(promptOf(chat), name);
	assert.match(chat.frame(), new RegExp(`›\\d ${name}`));
}

test('Ctrl+N and Ctrl+P move through the user list, wrapping around', async () => {
	const chat = await started();
	await chat.press(keys.ctrlN);
	await expectPartner(chat, 'bob');
	await chat.press(keys.ctrlN);
	await expectPartner(chat, 'carol');
	await chat.press(keys.ctrlP, keys.ctrlP);
	await expectPartner(chat, 'dave');
	await chat.press(keys.ctrlN);
	await expectPartner(chat, 'bob');
});

test('Alt+1 … Alt+9 jump to the conversations in the order they were opened', async () => {
	const chat = await started();
	await chat.press(keys.alt('1'));
	await chat.waitFor((frame) => frame.includes('no conversation 1'), 'none open yet');
	assert.equal(promptOf(chat), undefined, 'no partner chosen');
	await chat.submit('to:dave');
	await expectPartner(chat, 'dave');
	await chat.submit('to:bob');
	await expectPartner(chat, 'bob');
	await chat.press(keys.alt('1'));
	await expectPartner(chat, 'dave');
	assert.match(chat.frame(), /›1 dave/);
	await chat.press(keys.alt('2'));
	await expectPartner(chat, 'bob');
	assert.match(chat.frame(), /›2 bob/);
	await chat.press(keys.alt('3'));
	await chat.waitFor((frame) => frame.includes('no conversation 3'), 'carol has none');
	assert.equal(promptOf(chat), 'bob');
	assert.match(chat.frame(), / {3}carol/, 'carol listed without a number');
});

test('Alt+A jumps to the next conversation with unread messages', async () => {
	const chat = await started();
	await chat.press(keys.ctrlN, 'x');
	chat.client.message('dave', 'psst');
	await chat.waitFor((frame) => /dave 1/.test(frame), 'an unread count for dave');
	await chat.press(keys.ctrlU, keys.alt('a'));
	await expectPartner(chat, 'dave');
	assert.match(chat.frame(), /psst/);
	assert.doesNotMatch(chat.frame(), /dave 1/);
});
