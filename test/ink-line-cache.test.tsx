// Ink's per-line work kept across frames (source/ui/ink-line-cache.ts): the wrap must find this
// Ink's shape, must draw every frame exactly as Ink alone does, and must stay bounded.
import './helpers/styled-frames.js';
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import fc from 'fast-check';
import Output from '../node_modules/ink/build/output.js';
import {keepInkLinesAcrossFrames} from '../source/ui/ink-line-cache.js';
import {outputWithRowsKept, type InkOutput} from '../source/ui/ink-output-rows.js';
import {keptAcrossFrames, LINES_KEPT_PER_GENERATION} from '../source/ui/kept-across-frames.js';
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

/** A conversation that scrolls, pages back, types, shows the help and resizes: every frame. */
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
	// The help is taller than the screen (cut at its foot) and the notice of a tiny terminal wider
	// (cut at its side): both clip what they draw.
	await chat.press(keys.f1);
	frames.push(await chat.waitFor((frame) => frame.includes('Ctrl+N'), 'the help'));
	await chat.press(keys.f1);
	chat.resize(12, 5);
	frames.push(await chat.waitFor((frame) => frame.includes('terminal'), 'too small'));
	chat.resize(60, 14);
	frames.push(await chat.waitFor((frame) => frame.includes('typing 😀 字'), 'resized back'));
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

/** Pieces of text as Ink writes them: styled, wide, emoji, several lines. */
const PIECES = [
	'plain',
	'\u001B[31mred\u001B[39m and \u001B[1mbold\u001B[22m',
	'你好世界',
	'👍🏽🎉 🇫🇷',
	'two\nlines',
	'\u001B[44mon blue\nstill blue\u001B[49m',
	'│\n│\n│\n│',
	'  spaced  ',
];

type Step =
	| {type: 'write'; x: number; y: number; text: string; upper: boolean}
	| {type: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number}
	| {type: 'unclip'};

const place = fc.integer({min: -4, max: 24});
const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		type: fc.constant('write' as const),
		x: place,
		y: fc.integer({min: -3, max: 9}),
		text: fc.constantFrom(...PIECES),
		upper: fc.boolean(),
	}),
	fc.record(
		{type: fc.constant('clip' as const), x1: place, x2: place, y1: place, y2: place},
		{requiredKeys: ['type']},
	),
	fc.constant({type: 'unclip' as const}),
);

/** An Output of Ink's own with the steps done to it. */
function outputOf(steps: Step[]): InkOutput & {get: () => {output: string; height: number}} {
	const output = new Output({width: 20, height: 8});
	for (const each of steps) {
		if (each.type === 'write') {
			const transformers = each.upper ? [(line: string) => line.toUpperCase()] : [];
			output.write(each.x, each.y, each.text, {transformers});
		} else if (each.type === 'clip') {
			output.clip({x1: each.x1, x2: each.x2, y1: each.y1, y2: each.y2});
		} else output.unclip();
	}
	return output as unknown as InkOutput & {get: () => {output: string; height: number}};
}

test('rows kept across frames come out as Ink’s own Output makes them, clipped, wide or styled', () => {
	fc.assert(
		fc.property(fc.array(step, {maxLength: 12}), (steps) => {
			const own = outputOf(steps).get();
			// Twice: the first works the rows out, the second takes them from what was kept.
			assert.deepEqual(outputWithRowsKept(outputOf(steps)), own);
			assert.deepEqual(outputWithRowsKept(outputOf(steps)), own);
		}),
		{numRuns: 500},
	);
});
