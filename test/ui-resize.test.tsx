import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {displayWidth} from '../source/ui/state/text-width.js';
import {keys, renderChat, waitUntil} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const plain = (line: string) => line.replaceAll(/\u001B\[[\d;]*m/g, '');

function assertFits(frame: string, columns: number, rows: number) {
	const lines = frame.split('\n');
	assert.equal(lines.length, rows - 1, 'the root is one row shorter than the terminal');
	for (const line of lines) assert.ok(displayWidth(plain(line)) <= columns, `too wide: ${line}`);
}

test('the screen is redrawn to the new size on resize, down to 40×12', async () => {
	const chat = renderChat({columns: 100, rows: 30});
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	chat.client.message('bob', 'a fairly long message that will need to wrap on a narrow terminal');
	await chat.waitFor((frame) => frame.includes('narrow terminal'), 'the message on one line');
	assertFits(chat.frame(), 100, 30);

	chat.resize(40, 12);
	const frame = await chat.waitFor((frame) => frame.split('\n').length === 11, '40×12');
	assertFits(frame, 40, 12);
	assert.match(frame, /bob: a fairly/);
	assert.match(frame, /to bob>/);
	assert.match(frame, /F1 help/);

	chat.resize(120, 40);
	await chat.waitFor((frame) => frame.split('\n').length === 39, '120×40');
	assertFits(chat.frame(), 120, 40);
});

test('below 40×12 a "terminal too small" notice replaces the screen', async () => {
	const chat = renderChat({columns: 80, rows: 24});
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('bob'), 'the screen');
	chat.resize(39, 20);
	let frame = await chat.waitFor((frame) => frame.includes('terminal too small'), 'the notice');
	assert.match(frame.replaceAll(/\s+/g, ' '), /at least 40×12/);
	chat.resize(80, 11);
	frame = await chat.waitFor((frame) => frame.includes('(80×11)'), 'the notice for 80×11');
	chat.resize(80, 12);
	await chat.waitFor((frame) => frame.includes('F1 help'), 'the screen again');
});

test('while too small, keys cannot send blind; Ctrl+C still quits', async () => {
	const chat = renderChat({columns: 80, rows: 24});
	chat.client.welcome('alice', ['bob']);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => frame.includes('to bob>'), 'bob chosen');
	chat.resize(30, 10);
	await chat.waitFor((frame) => frame.includes('terminal too small'), 'the notice');
	await chat.press('sent where nobody can see it', keys.enter, keys.ctrlN);
	chat.resize(80, 24);
	const frame = await chat.waitFor((frame) => frame.includes('F1 help'), 'the screen again');
	assert.deepEqual(chat.client.sends, []);
	assert.match(frame, /to bob> *$/m, 'the partner and the empty input are as they were');
	chat.resize(30, 10);
	await chat.waitFor((frame) => frame.includes('terminal too small'), 'the notice again');
	await chat.press(keys.ctrlC);
	await waitUntil(() => chat.outcomes.length > 0, 'the end');
	assert.deepEqual(chat.outcomes[0], {exitCode: 0});
});
