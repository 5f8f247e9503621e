// Ink's per-line work kept across frames (source/ui/ink-line-cache.ts): the wrap must find this
// Ink's shape, must draw every frame exactly as Ink alone does, and must stay bounded.
import './helpers/styled-frames.js';
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {
	keepInkLinesAcrossFrames,
	keptAcrossFrames,
	LINES_KEPT_PER_GENERATION,
} from '../source/ui/ink-line-cache.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

/** Fixed times, so that two runs of the script draw the same stamps. */
const START = Date.UTC(2026, 11, 1, 9, 0);

const TEXTS = [
	(index: number) => `plain text ${index}`,
	(index: number) => `wide ${index}: 你好世界 👍🏽🎉 🇫🇷 and more`,
	(index: number) => `a long line ${index} ${'that wraps at words '.repeat(6)}end`,
	(index: number) => `tab\there ${index} and\ttwo`,
];

/** A conversation that scrolls, pages back and types: every frame, as drawn. */
async function drawScript(): Promise<string[]> {
	const chat = renderChat({columns: 60, rows: 14});
	const frames: string[] = [];
	chat.client.welcome('alice', ['bob', '张伟', '🎉party']);
	await chat.submit('to:bob');
	for (let index = 0; index < 24; index++) {
		chat.client.message('bob', `${TEXTS[index % TEXTS.length]?.(index)} #${index}#`, START + index);
		frames.push(await chat.waitFor((frame) => frame.includes(`#${index}#`), `message ${index}`));
	}
	await chat.press(keys.pageUp);
	frames.push(await chat.waitFor((frame) => !frame.includes('#23#'), 'paged back'));
	await chat.press(keys.end);
	frames.push(await chat.waitFor((frame) => frame.includes('#23#'), 'back at the end'));
	await chat.press('typing 😀 字');
	frames.push(await chat.waitFor((frame) => frame.includes('typing 😀 字'), 'the input'));
	chat.unmount();
	return frames;
}

test('this Ink has the shape the wrap was written for', () => {
	const restore = keepInkLinesAcrossFrames();
	assert.ok(restore, 'Ink changed: re-check source/ui/ink-line-cache.ts against its Output');
	restore();
});

test('frames drawn with lines kept across frames are the frames Ink draws alone', async () => {
	const alone = await drawScript();
	const restore = keepInkLinesAcrossFrames();
	assert.ok(restore);
	try {
		const kept = await drawScript();
		assert.equal(kept.length, alone.length);
		kept.forEach((frame, index) => assert.equal(frame, alone[index], `frame ${index}`));
		// The frames carry styles, or the comparison would leave out half of what is cached.
		assert.ok(
			alone.some((frame) => frame.includes('\u001B[')),
			'styled frames',
		);
	} finally {
		restore();
	}
});

test('a line is worked out once while kept, and what is kept stays bounded', () => {
	const made: string[] = [];
	const lookup = keptAcrossFrames((text: string) => {
		made.push(text);
		return text.length;
	});
	assert.equal(lookup('a line'), 6);
	assert.equal(lookup('a line'), 6);
	assert.deepEqual(made, ['a line']);
	// Twice a generation of other lines later, the first has aged out and is worked out again.
	for (let index = 0; index < LINES_KEPT_PER_GENERATION * 2; index++) lookup(`other ${index}`);
	made.length = 0;
	lookup('a line');
	assert.deepEqual(made, ['a line']);
	// One still used while the generations turn over stays kept.
	made.length = 0;
	for (let index = 0; index < LINES_KEPT_PER_GENERATION * 3; index++) {
		lookup(`more ${index}`);
		lookup('a line');
	}
	assert.equal(made.filter((text) => text === 'a line').length, 0);
});
