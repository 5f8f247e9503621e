import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {keys, renderChat, type ChatHarness} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

async function withHistory(count: number): Promise<ChatHarness> {
	const chat = renderChat({columns: 60, rows: 16});
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	for (let index = 0; index < count; index++) chat.client.message('bob', `line ${index}`);
	await chat.waitFor((frame) => frame.includes(`line ${count - 1}`), 'the newest line');
	return chat;
}

test('the conversation stays on the newest message as messages arrive', async () => {
	const chat = await withHistory(50);
	assert.doesNotMatch(chat.frame(), /line 30\b/);
	chat.client.message('bob', 'newest');
	await chat.waitFor((frame) => frame.includes('newest'), 'the newest message');
});

test('PgUp scrolls back, new messages are counted below, PgDn returns to the bottom', async () => {
	const chat = await withHistory(50);
	await chat.press(keys.pageUp);
	let frame = await chat.waitFor((frame) => frame.includes('more below'), 'scrolled up');
	assert.doesNotMatch(frame, /line 49/);
	assert.match(frame, /line 3\d/);
	chat.client.message('bob', 'arrived while scrolled');
	chat.client.message('bob', 'and another');
	frame = await chat.waitFor(
		(frame) => frame.includes('2 new messages below'),
		'the new-below count',
	);
	assert.doesNotMatch(frame, /arrived while scrolled/);
	await chat.press(keys.pageDown, keys.pageDown, keys.pageDown);
	frame = await chat.waitFor((frame) => frame.includes('and another'), 'back at the bottom');
	assert.doesNotMatch(frame, /new messages below|more below/);
});

test('PgUp stops at the first message', async () => {
	const chat = await withHistory(30);
	for (let page = 0; page < 8; page++) await chat.press(keys.pageUp);
	const frame = await chat.waitFor((frame) => frame.includes('line 0'), 'the first line');
	assert.match(frame, /Wed|Thu|Fri|Sat|Sun|Mon|Tue/, 'the day line above the first message');
});

test('each conversation keeps its own scroll position', async () => {
	const chat = await withHistory(40);
	chat.client.emit({type: 'user-joined', name: 'carol'});
	await chat.press(keys.pageUp);
	await chat.waitFor((frame) => frame.includes('more below'), 'scrolled');
	await chat.press(keys.ctrlN);
	await chat.waitFor(
		(frame) => frame.includes('to carol>') && !frame.includes('more below'),
		'carol',
	);
	await chat.press(keys.alt('1'));
	await chat.waitFor(
		(frame) => frame.includes('to bob>') && frame.includes('more below'),
		'bob, still scrolled',
	);
});
