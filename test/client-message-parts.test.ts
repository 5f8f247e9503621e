import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {joinParts, splitLine, splitMessage} from '../source/client/message-parts.js';
import {sanitiseText} from '../source/protocol/sanitise-text.js';

test('one short line is one part with nothing after it', () => {
	assert.deepEqual(splitMessage('hello', 100), [{text: 'hello'}]);
});

test('each line is a part; blank lines ride as extra breaks, and none at the ends', () => {
	assert.deepEqual(splitMessage('\n\nfirst\r\nsecond\n\n\nthird\n\n', 100), [
		{text: 'first', more: 1},
		{text: 'second', more: 3},
		{text: 'third'},
	]);
});

test('a line that is only control characters counts as blank, tabs stay', () => {
	assert.deepEqual(splitMessage('a\tb\n\u0007\nc', 100), [{text: 'a\tb', more: 2}, {text: 'c'}]);
});

test('a line longer than a part goes on in the next part with no break', () => {
	const parts = splitMessage('x'.repeat(9000), 7680);
	assert.deepEqual(
		parts.map((part) => [part.text.length, part.more]),
		[
			[7680, 0],
			[1320, undefined],
		],
	);
});

test('a line is never cut inside a UTF-8 sequence or a grapheme cluster', () => {
	// The family emoji is one cluster of 25 bytes: it goes whole into a part of its own.
	const family = '👨‍👩‍👧‍👦';
	assert.deepEqual(splitLine(`ab${family}€`, 26), ['ab', family, '€']);
	// é is 2 bytes and € 3: 4 bytes hold two é but not a € beside them.
	assert.deepEqual(splitLine('éé€', 4), ['éé', '€']);
});

test('any text comes back whole from its parts, each within the byte limit', () => {
	fc.assert(
		fc.property(
			fc.array(fc.string({unit: 'grapheme', maxLength: 40}), {maxLength: 6}),
			fc.integer({min: 8, max: 64}),
			(lines, maxBytes) => {
				const noBreaks = lines.map((line) => line.replaceAll(/[\r\n]/g, 'x'));
				const clean = noBreaks.map((line) => sanitiseText(line));
				const text = noBreaks.join('\n');
				const parts = splitMessage(text, maxBytes);
				for (const part of parts) {
					assert.ok(part.text !== '');
					const oneCluster = [...new Intl.Segmenter().segment(part.text)].length === 1;
					assert.ok(Buffer.byteLength(part.text) <= maxBytes || oneCluster);
				}

				const kept = clean.filter((line) => line !== '');
				assert.equal(joinParts(parts).replaceAll(/\n+/g, '\n'), kept.join('\n'));
			},
		),
	);
});
