// Composing in the chat screen: pastes, multi-line messages, the big-paste question, progress,
// drafts per conversation, /me and //.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {PASTE_CONFIRM_LINES} from '../source/client/limits.js';
import {PASTE_END, PASTE_START} from '../source/ui/keys/bracketed-paste.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const paste = (text: string) => `${PASTE_START}${text}${PASTE_END}`;

async function chatWithBob() {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => frame.includes('to bob>'), 'bob chosen');
	return chat;
}

test('a pasted to:bob and quit land in the input and run nothing; Enter sends one message', async () => {
	const chat = await chatWithBob();
	await chat.press(paste('before\rto:carol\rquit\rafter'));
	await chat.waitFor((frame) => frame.includes('after'), 'the paste in the input');
	assert.match(chat.frame(), /to bob> before/);
	assert.equal(chat.client.sends.length, 0);
	assert.equal(chat.client.quits, 0);
	await chat.press(keys.enter);
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.deepEqual(
		chat.client.sends.map(({to, text}) => ({to, text})),
		[{to: 'bob', text: 'before\nto:carol\nquit\nafter'}],
	);
	assert.equal(chat.client.quits, 0);
	// One stamp, the lines under it.
	const frame = await chat.waitFor((frame) => frame.includes('…sending'), 'the message shown');
	assert.equal(frame.match(/\d\d:\d\d alice:/g)?.length, 1);
	assert.match(frame, / {13}to:carol/);
});

test('a paste split over chunks, with a terminal escape in it, is cleaned into the input', async () => {
	const chat = await chatWithBob();
	await chat.press(PASTE_START, 'red \u001B[31m', 'text\u001B]0;x\u0007', PASTE_END);
	await chat.waitFor((frame) => frame.includes('to bob> red text'), 'the cleaned paste');
});

test('Alt+Enter and Ctrl+J put new lines in; the input grows, Enter sends it all', async () => {
	const chat = await chatWithBob();
	await chat.press('one', keys.alt('\r'), 'two', '\n', 'three');
	const frame = await chat.waitFor((frame) => frame.includes('three'), 'three rows');
	assert.match(frame, /to bob> one\n {8}two\n {8}three/);
	await chat.press(keys.enter);
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.equal(chat.client.sends[0]?.text, 'one\ntwo\nthree');
});

test('a long input scrolls, keeping the cursor row in view and counting the rows above', async () => {
	const chat = await chatWithBob();
	await chat.press(paste(Array.from({length: 9}, (_, index) => `row ${index + 1}`).join('\n')));
	const frame = await chat.waitFor((frame) => frame.includes('row 9'), 'the last rows');
	assert.doesNotMatch(frame, /row 4\n/);
	assert.match(frame, /↑4 row 5/);
	await chat.press(keys.up, keys.up, keys.up, keys.up, keys.up);
	const up = await chat.waitFor(
		(frame) => frame.includes('row 4') && !frame.includes('row 9'),
		'scrolled up',
	);
	assert.match(up, /↓4 row 5/);
});

test(`more than ${PASTE_CONFIRM_LINES} lines ask first: Esc edits, Enter sends`, async () => {
	const chat = await chatWithBob();
	const lines = Array.from({length: 400}, (_, index) => `line ${index + 1}`);
	await chat.press(paste(lines.join('\n')));
	await chat.waitFor((frame) => frame.includes('line 400'), 'the paste');
	await chat.press(keys.enter);
	await chat.waitFor(
		(frame) => frame.includes('Send 400 lines to bob? Enter sends, Esc edits'),
		'the question',
	);
	assert.equal(chat.client.sends.length, 0, 'nothing left before the answer');
	// A message from someone else meanwhile does not hide the question.
	chat.client.message('carol', 'are you there?');
	await chat.waitFor((frame) => frame.includes('carol'), "carol's message");
	assert.match(chat.frame(), /Send 400 lines to bob\? Enter sends, Esc edits/);
	await chat.press(keys.escape);
	await chat.waitFor((frame) => !frame.includes('Send 400 lines'), 'back to editing');
	assert.equal(chat.client.sends.length, 0);
	await chat.press(keys.enter);
	await chat.waitFor((frame) => frame.includes('Send 400 lines'), 'asked again');
	await chat.press(keys.enter);
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.equal(chat.client.sends[0]?.text, lines.join('\n'));
	const ref = chat.client.sends[0]?.ref ?? '';
	chat.client.emit({type: 'progress', ref, sent: 120, total: 400});
	await chat.waitFor((frame) => frame.includes('…sending 120/400'), 'the progress');
	chat.client.emit({type: 'delivered', ref, id: '1', time: Date.now()});
	await chat.waitFor((frame) => frame.includes('✓'), 'delivered');
});

test('each conversation keeps its own draft, and Enter sends to the one shown', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.submit('to:dave');
	await chat.press('typing to dave');
	await chat.waitFor((frame) => frame.includes('to dave> typing to dave'), 'the draft');
	chat.client.message('bob', 'hi');
	chat.client.message('carol', 'hey');
	await chat.waitFor((frame) => frame.includes('message from'), 'the notice');
	await chat.press(keys.alt('a'));
	await chat.waitFor((frame) => /to (bob|carol)> *\n/.test(frame), 'an empty input for the other');
	await chat.press('for them', keys.enter);
	await chat.waitFor(() => chat.client.sends.length === 1, 'the send');
	assert.notEqual(chat.client.sends[0]?.to, 'dave');
	await chat.submit('to:dave');
	await chat.waitFor((frame) => frame.includes('to dave> typing to dave'), 'the draft is back');
	await chat.press(keys.enter);
	await chat.waitFor(() => chat.client.sends.length === 2, 'the second send');
	assert.deepEqual(chat.client.sends[1], {ref: 'r2', to: 'dave', text: 'typing to dave'});
});

test('/me sends an action, drawn "* alice waves"; // sends a line that starts with /', async () => {
	const chat = await chatWithBob();
	await chat.submit('/me waves');
	await chat.waitFor((frame) => frame.includes('* alice waves'), 'the action');
	await chat.submit('//etc/hosts is the file');
	await chat.waitFor(() => chat.client.sends.length === 2, 'both sends');
	assert.deepEqual(
		chat.client.sends.map(({to, text, action}) => ({to, text, action})),
		[
			{to: 'bob', text: 'waves', action: true},
			{to: 'bob', text: '/etc/hosts is the file', action: undefined},
		],
	);
	await chat.submit('/me');
	await chat.waitFor((frame) => frame.includes('/me needs a text'), 'the hint');
	chat.client.emit({
		type: 'message',
		id: '9',
		time: Date.now(),
		from: 'bob',
		to: 'alice',
		text: 'shrugs',
		action: true,
	});
	await chat.waitFor((frame) => frame.includes('* bob shrugs'), "bob's action");
});

test('a message in parts grows under one stamp; tabs are drawn to the next tab stop', async () => {
	const chat = await chatWithBob();
	const part = (id: string, text: string, more?: number) => ({
		type: 'message' as const,
		id,
		time: Date.now(),
		from: 'bob',
		to: 'alice',
		text,
		...(more === undefined ? {} : {more}),
	});
	chat.client.emit(part('1', 'first', 2));
	await chat.waitFor((frame) => frame.includes('bob: first'), 'the first part');
	chat.client.emit(part('2', 'a\tb', 0), part('3', 'c'));
	const frame = await chat.waitFor((frame) => frame.includes('bc'), 'the rest');
	assert.equal(frame.match(/bob:/g)?.length, 1, 'one stamp');
	// A blank line, then `a`, a tab to column 8, and `b` with `c` joined to it.
	assert.match(frame, /bob: first\n.*│\n.*│ +a {7}bc\n/);
});
