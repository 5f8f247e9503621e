// The user list: Alt+digit numbers for conversations in the order opened, `↑ N more` / `↓ N more`
// when it is longer than the screen, and names cut in the middle (whole in the conversation's header).
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {FOLLOW_PAUSE_AFTER_CHOICE_MS} from '../source/client/limits.js';
import {
	listedWith,
	listOrder,
	numberClosed,
	numberOpened,
	numbersInOrder,
} from '../source/ui/state/list-numbers.js';
import {cutInMiddle} from '../source/ui/views/cut-in-middle.js';
import {listWindow} from '../source/ui/views/list-window.js';
import {command, events, message, submit, welcomed} from './helpers/chat-state-driver.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const names = (count: number) =>
	Array.from({length: count}, (_, index) => `user${String(index + 1).padStart(2, '0')}`);

test('numbers follow the order conversations were opened in, not the names or the roster', () => {
	let state = welcomed(['bob', 'carol', 'dave', 'erin']);
	assert.deepEqual([...state.numbers], [], 'no conversation yet: no numbers');
	assert.deepEqual(state.users, ['bob', 'carol', 'dave', 'erin'], 'everyone listed, by name');
	state = submit(state, 'to:erin');
	state = events(state, message('carol', 'hi'));
	assert.equal(state.partner, 'erin', 'chosen just now: carol does not pull you away');
	// From erin (1) to carol (2), then on to bob, the first without a conversation.
	state = command(command(state, 'next-user'), 'next-user');
	assert.deepEqual(
		[...state.numbers],
		[
			['erin', 1],
			['carol', 2],
			['bob', 3],
		],
	);
	assert.deepEqual(state.users, ['erin', 'carol', 'bob', 'dave'], 'numbered first, in order');
	assert.equal(command(state, 'jump-to-user', '1').partner, 'erin');
	assert.equal(command(state, 'jump-to-user', '2').partner, 'carol');
});

test("joins and leaves change nobody's number; the list keeps its order", () => {
	let state = submit(submit(welcomed(['carol', 'dave', 'erin']), 'to:erin'), 'to:carol');
	state = events(state, {type: 'user-joined', name: 'aaron'});
	state = events(state, {type: 'user-joined', name: 'bob'});
	assert.deepEqual(state.users, ['erin', 'carol', 'aaron', 'bob', 'dave']);
	state = events(state, {type: 'user-left', name: 'dave'}, {type: 'user-left', name: 'erin'});
	assert.equal(
		state.presence.get('erin'),
		'offline',
		'erin stays listed: her conversation is open',
	);
	assert.deepEqual(
		[...state.numbers],
		[
			['erin', 1],
			['carol', 2],
		],
	);
	state = events(state, {type: 'user-joined', name: 'dave'}, {type: 'user-away', name: 'carol'});
	assert.deepEqual(state.users, ['erin', 'carol', 'aaron', 'bob', 'dave']);
	assert.equal(command(state, 'jump-to-user', '2').partner, 'carol');
});

test('closing a conversation moves the ones after it down; a new one takes the next number', () => {
	let state = welcomed(['bob', 'carol', 'dave']);
	for (const name of ['dave', 'bob', 'carol']) state = submit(state, `to:${name}`);
	state = submit(submit(state, 'to:bob'), '/close');
	assert.deepEqual(
		[...state.numbers].sort((a, b) => a[1] - b[1]),
		[
			['dave', 1],
			['carol', 2],
		],
	);
	assert.deepEqual(state.users, ['dave', 'carol', 'bob'], 'bob, still online, unnumbered');
	state = events(state, message('bob', 'again'));
	assert.equal(state.numbers.get('bob'), 3, 'a message reopens it, as the last');
	assert.deepEqual(state.users, ['dave', 'carol', 'bob']);
});

test("a reconnect keeps every open conversation's number, whoever is back", () => {
	let state = submit(submit(welcomed(['bob', 'carol', 'dave']), 'to:dave'), 'to:bob');
	state = events(state, {type: 'welcome', name: 'alice', users: ['alice', 'aaron', 'bob']});
	assert.equal(state.numbers.get('dave'), 1);
	assert.equal(state.numbers.get('bob'), 2);
	assert.equal(state.numbers.has('aaron'), false);
	assert.deepEqual(state.users, ['dave', 'bob', 'aaron']);
	assert.equal(state.presence.get('dave'), 'offline');
});

test('Alt+digit with no conversation of that number says how to open one', () => {
	const state = command(welcomed(['bob']), 'jump-to-user', '1');
	assert.equal(state.partner, undefined);
	assert.equal(state.notice?.text, 'no conversation 1: Ctrl+N or to:NAME opens one');
});

test('numbersInOrder, numberOpened and numberClosed keep the numbers 1 … n', () => {
	const numbers = numbersInOrder(['m', 'a', 'z', 'a']);
	assert.deepEqual(
		[...numbers],
		[
			['m', 1],
			['a', 2],
			['z', 3],
		],
	);
	const opened = numberOpened(numbers, 'b');
	assert.equal(opened.get('b'), 4);
	assert.equal(numberOpened(opened, 'b'), opened, 'open already: unchanged');
	assert.deepEqual(
		[...numberClosed(opened, 'a')],
		[
			['m', 1],
			['z', 2],
			['b', 3],
		],
	);
	assert.deepEqual([...numberClosed(opened, 'b')].at(-1), ['z', 3], 'the last closed: no move');
});

test('listOrder and listedWith: numbered first by number, the rest by name key', () => {
	const numbers = new Map([
		['zoe', 1],
		['Bob', 2],
	]);
	const users = listOrder(numbers, ['carol', 'Bob', 'aaron', 'zoe', 'Dave']);
	assert.deepEqual(users, ['zoe', 'Bob', 'aaron', 'carol', 'Dave']);
	for (const name of ['ann', 'bea', 'cleo', 'eve', 'AAA']) {
		const placed = listedWith(users, numbers, name);
		assert.deepEqual(placed, listOrder(numbers, [...users, name]), name);
	}
	const moved = listedWith(users, new Map([...numbers, ['carol', 3]]), 'carol');
	assert.deepEqual(moved, ['zoe', 'Bob', 'carol', 'aaron', 'Dave'], 'numbered: after the numbered');
});

test('Alt+digit reaches conversations in the order opened, and stays put when others join or leave', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.waitFor((frame) => frame.includes('dave'), 'the list');
	await chat.submit('to:dave');
	await chat.waitFor((frame) => frame.includes('to dave>'), 'dave');
	chat.clock.advance(FOLLOW_PAUSE_AFTER_CHOICE_MS);
	chat.client.message('bob', 'hello');
	await chat.waitFor((frame) => frame.includes('to bob>'), 'bob followed');
	await chat.waitFor((frame) => /›2 bob/.test(frame) && / 1 dave/.test(frame), 'dave 1, bob 2');
	assert.match(chat.frame(), / {3}carol/, 'carol unnumbered');
	chat.client.emit({type: 'user-joined', name: 'aaron'});
	chat.client.emit({type: 'user-left', name: 'carol'});
	await chat.waitFor((frame) => frame.includes('aaron') && !frame.includes('carol'), 'aaron in');
	await chat.press(keys.alt('1'));
	await chat.waitFor((frame) => frame.includes('to dave>'), 'Alt+1 is still dave');
	await chat.press(keys.alt('2'));
	await chat.waitFor((frame) => frame.includes('to bob>'), 'Alt+2 is still bob');
	await chat.press(keys.alt('3'));
	await chat.waitFor((frame) => frame.includes('no conversation 3'), 'no third yet');
	assert.match(chat.frame(), /to bob>/);
});

test('after /close, Alt+digit reaches the conversations that were after it, one lower', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol', 'dave']);
	await chat.waitFor((frame) => frame.includes('dave'), 'the list');
	for (const name of ['carol', 'bob', 'dave']) {
		await chat.submit(`to:${name}`);
		await chat.waitFor((frame) => frame.includes(`to ${name}>`), name);
	}
	await chat.press(keys.alt('1'));
	await chat.waitFor((frame) => frame.includes('to carol>'), 'carol');
	await chat.submit('/close');
	await chat.waitFor((frame) => frame.includes('closed the conversation with carol'), 'closed');
	await chat.waitFor((frame) => / 1 bob/.test(frame) && / 2 dave/.test(frame), 'renumbered');
	await chat.press(keys.alt('2'));
	await chat.waitFor((frame) => frame.includes('to dave>'), 'Alt+2 is dave now');
	await chat.press(keys.alt('1'));
	await chat.waitFor((frame) => frame.includes('to bob>'), 'Alt+1 is bob');
});

test('listWindow: marks above and below, the current row in view', () => {
	assert.deepEqual(listWindow(5, 0, 8), {start: 0, end: 5, above: 0, below: 0});
	assert.deepEqual(listWindow(30, 0, 8), {start: 0, end: 7, above: 0, below: 23});
	assert.deepEqual(listWindow(30, 29, 8), {start: 23, end: 30, above: 23, below: 0});
	assert.deepEqual(listWindow(30, 15, 8), {start: 10, end: 16, above: 10, below: 14});
	for (let current = -1; current < 30; current++) {
		const window = listWindow(30, current, 8);
		const marks = (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0);
		assert.equal(window.end - window.start + marks, 8, `rows used, current ${current}`);
		assert.equal(window.above + (window.end - window.start) + window.below, 30);
		if (current >= 0) assert.ok(current >= window.start && current < window.end);
	}
});

test('a long list shows ↓ N more, and ↑ N more once the partner is further down', async () => {
	const chat = renderChat({columns: 80, rows: 16, follow: false});
	chat.client.welcome('alice', names(30));
	// Conversations opened in name order, so the list's order is the names' and numbers 1 … 30.
	for (const name of names(30)) chat.client.message(name, 'hi');
	// 15 rows for the frame, 12 of them for the list: 11 names and the mark.
	const frame = await chat.waitFor((frame) => frame.includes('↓ 19 more'), 'the lower mark');
	assert.match(frame, /user11/);
	assert.doesNotMatch(frame, /user12/);
	assert.doesNotMatch(frame, /↑/);
	await chat.submit('to:user15');
	const middle = await chat.waitFor((frame) => frame.includes('to user15>'), 'user15 chosen');
	assert.match(middle, /↑ 5 more/);
	assert.match(middle, /↓ 15 more/);
	assert.match(middle, /› +user15/);
	await chat.submit('to:user30');
	const bottom = await chat.waitFor((frame) => frame.includes('to user30>'), 'the last user');
	assert.match(bottom, /↑ 19 more/);
	assert.doesNotMatch(bottom, /↓/);
});

test('cutInMiddle keeps the start and the end, within the width', () => {
	assert.equal(cutInMiddle('alexander.smith', 11), 'alexa…smith');
	assert.equal(cutInMiddle('alexander.smythe', 11), 'alexa…mythe');
	assert.equal(cutInMiddle('short', 11), 'short');
	assert.equal(cutInMiddle('さくらさくらさくら', 9), 'さく…くら');
	assert.equal(cutInMiddle('abc', 1), '…');
});

test('long names that share a start stay apart in the list; the header shows the whole name', async () => {
	const chat = renderChat({columns: 100, rows: 16});
	chat.client.welcome('alice', ['alexander.montgomery.smith', 'alexander.montgomery.smythe']);
	const frame = await chat.waitFor((frame) => frame.includes('F1 help'), 'the screen');
	const rows = frame.split('\n').map((line) => line.split('│')[0] ?? '');
	const [smith = '', smythe = ''] = rows.filter((row) => row.includes('alexande'));
	assert.notEqual(smith.trim(), smythe.trim(), `${smith} / ${smythe}`);
	assert.match(smith, /alexande…y\.smith/);
	assert.match(smythe, /alexande….smythe/);
	await chat.press(keys.ctrlN, keys.ctrlN);
	const chosen = await chat.waitFor((frame) => frame.includes('to alex'), 'chosen');
	assert.match(chosen, /│ alexander\.montgomery\.smythe/);
});
