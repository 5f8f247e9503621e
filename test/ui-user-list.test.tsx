// The user list: stable Alt+digit numbers, `↑ N more` / `↓ N more` when it is longer than the
// screen, and names cut in the middle (whole in the conversation's header).
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {numberNames} from '../source/ui/state/list-numbers.js';
import {cutInMiddle} from '../source/ui/views/cut-in-middle.js';
import {listWindow} from '../source/ui/views/list-window.js';
import {command, events, message, welcomed} from './helpers/chat-state-driver.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const names = (count: number) =>
	Array.from({length: count}, (_, index) => `user${String(index + 1).padStart(2, '0')}`);

test('numbers stay when someone joins or leaves: a newcomer takes the lowest free number', () => {
	let state = welcomed(['carol', 'dave', 'erin']);
	assert.deepEqual(
		[...state.numbers],
		[
			['carol', 1],
			['dave', 2],
			['erin', 3],
		],
	);
	state = events(state, {type: 'user-joined', name: 'bob'});
	assert.equal(state.numbers.get('bob'), 4, 'bob joins at the end, not before carol');
	assert.equal(command(state, 'jump-to-user', '1').partner, 'carol');
	state = events(state, {type: 'user-left', name: 'dave'});
	assert.equal(state.numbers.get('erin'), 3, 'erin keeps 3 when dave leaves');
	assert.equal(command(state, 'jump-to-user', '3').partner, 'erin');
	state = events(state, {type: 'user-joined', name: 'zoe'});
	assert.equal(state.numbers.get('zoe'), 2, "zoe takes dave's free number");
	assert.deepEqual(state.users, ['carol', 'zoe', 'erin', 'bob'], 'the list is in number order');
});

test('a reconnect keeps the numbers of everyone still there', () => {
	let state = events(welcomed(['bob', 'carol', 'dave']), message('dave', 'hi'));
	state = events(state, {type: 'welcome', name: 'alice', users: ['alice', 'aaron', 'dave', 'bob']});
	assert.equal(state.numbers.get('bob'), 1);
	assert.equal(state.numbers.get('dave'), 3);
	assert.equal(state.numbers.get('aaron'), 2, 'a newcomer fills the gap carol left');
});

test('numberNames gives newcomers free numbers in name order', () => {
	const numbers = numberNames(new Map([['m', 2]]), ['z', 'm', 'a', 'b']);
	assert.deepEqual(
		[...numbers].sort((x, y) => x[1] - y[1]),
		[
			['a', 1],
			['m', 2],
			['b', 3],
			['z', 4],
		],
	);
});

test('Alt+2 still reaches the same person after someone joins ahead of them by name', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['carol', 'dave']);
	await chat.waitFor((frame) => frame.includes('dave'), 'the list');
	chat.client.emit({type: 'user-joined', name: 'bob'});
	await chat.waitFor((frame) => / 3 bob/.test(frame), 'bob numbered 3');
	await chat.press(keys.alt('2'));
	await chat.waitFor((frame) => frame.includes('to dave>'), 'dave');
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
	const chat = renderChat({columns: 80, rows: 16});
	chat.client.welcome('alice', names(30));
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
	const smith = rows.find((row) => row.includes('1 ')) ?? '';
	const smythe = rows.find((row) => row.includes('2 ')) ?? '';
	assert.notEqual(smith.trim(), smythe.trim(), `${smith} / ${smythe}`);
	assert.match(smith, /alexande…y\.smith/);
	assert.match(smythe, /alexande….smythe/);
	await chat.press(keys.alt('2'));
	const chosen = await chat.waitFor((frame) => frame.includes('to alex'), 'chosen');
	assert.match(chosen, /│ alexander\.montgomery\.smythe/);
});
