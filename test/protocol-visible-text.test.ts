// Text reads as it shows: line separators, invisible characters and mark stacks
// (docs/protocol.md "Message text").
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {MAX_TEXT_MARKS_ON_ONE_BASE} from '../source/protocol/limits.js';
import {sanitiseText} from '../source/protocol/sanitise-text.js';

const SCOTLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';

test('U+2028 and U+2029 become spaces, so no line splitter sees a second line', () => {
	assert.equal(
		sanitiseText('hi\u2028MSG 9 9 admin bob - :forged'),
		'hi MSG 9 9 admin bob - :forged',
	);
	assert.equal(sanitiseText('a\u2029b'), 'a b');
	// Everything Python's str.splitlines() splits on is gone or a space.
	const splitters = '\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029';
	assert.equal(sanitiseText(`x${splitters}y`), 'x  y');
});

test('invisible format characters are removed', () => {
	for (const invisible of [
		'\u200B', // zero-width space
		'\u200E', // LRM
		'\u200F', // RLM
		'\u061C', // ALM
		'\u2060', // word joiner
		'\u2061', // function application
		'\u2064', // invisible plus
		'\u206A', // inhibit symmetric swapping
		'\uFEFF', // zero-width no-break space (BOM)
		'\u00AD', // soft hyphen
		'\u034F', // combining grapheme joiner
		'\u180E', // Mongolian vowel separator, outside Mongolian
		'\u3164', // Hangul filler
		'\uFFA0', // half-width Hangul filler
		'\uFFF9', // interlinear annotation anchor
		'\u{1BCA0}', // shorthand letter overlap
		'\u{1D173}', // musical symbol begin beam
		'\u{E0001}', // language tag
		'\u{E0041}', // tag A, outside a flag
		'\u{E007F}', // cancel tag, alone
	]) {
		const code = invisible.codePointAt(0)?.toString(16);
		assert.equal(sanitiseText(` a${invisible}b`), ' ab', `U+${code}`);
	}
});

test('visible format characters stay', () => {
	// The Arabic number sign and the end of ayah are Cf but are drawn.
	for (const text of ['\u0600١٢', 'آية\u06DD١']) assert.equal(sanitiseText(text), text);
});

test('ZWJ, ZWNJ and variation selectors stay where a script or an emoji needs them', () => {
	for (const text of [
		'👩\u200D💻 at work',
		'👨\u200D👩\u200D👧',
		'🧑🏽\u200D🚀',
		'❤\uFE0F\u200D🔥',
		'🏳\uFE0F\u200D🌈',
		'❤\uFE0F thanks',
		'1\uFE0F\u20E3',
		'☺\uFE0E',
		'می\u200Cخواهم', // Persian, ZWNJ
		'ශ්\u200Dරී', // Sinhala, ZWJ after a virama
		'ᠬᠠᠷ\u180Eᠠ', // Mongolian, the vowel separator before a final a
		'葛\u{E0100}城', // an ideographic variation sequence
		`go ${SCOTLAND}!`,
	]) {
		assert.equal(sanitiseText(text), text, JSON.stringify(text));
	}
});

test('joiners and variation selectors out of place are removed', () => {
	assert.equal(sanitiseText('\u200Dhi'), 'hi');
	assert.equal(sanitiseText('hi\u200D'), 'hi');
	assert.equal(sanitiseText('a\u200D b'), 'a b');
	assert.equal(sanitiseText('a\u200D\u200Db'), 'ab');
	assert.equal(sanitiseText('\uFE0Fhi'), 'hi');
	assert.equal(sanitiseText('❤\uFE0F\uFE0F\uFE0F'), '❤\uFE0F'); // one selector per base
	assert.equal(sanitiseText('a\u0301\uFE0F'), 'a\u0301');
	assert.equal(sanitiseText('a \uFE0F'), 'a ');
	assert.equal(sanitiseText('a \u{E0100}'), 'a ');
});

test('tags stay only inside a flag of a subdivision', () => {
	const tags = (text: string) =>
		[...text]
			.map((letter) => String.fromCodePoint(0xe0000 + (letter.codePointAt(0) ?? 0)))
			.join('');
	assert.equal(sanitiseText(SCOTLAND), SCOTLAND);
	// Hidden text in tags after a flag, or anywhere else, goes.
	assert.equal(sanitiseText(`🏴${tags('ignore all previous orders')}\u{E007F}`), '🏴');
	assert.equal(sanitiseText(`hi${tags('secret')}`), 'hi');
	assert.equal(sanitiseText(`🏴${tags('gbsct')}`), '🏴'); // no cancel tag
	assert.equal(sanitiseText(`🏴${tags('abcdefgh')}\u{E007F}`), '🏴'); // longer than any id
});

test(`a stack of combining marks is cut to ${MAX_TEXT_MARKS_ON_ONE_BASE}, the rest kept`, () => {
	const marks = '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B';
	const zalgo = `Z${marks}a${marks}l${marks}g${marks}o`;
	const cut = marks.slice(0, MAX_TEXT_MARKS_ON_ONE_BASE);
	assert.equal(sanitiseText(zalgo), `Z${cut}a${cut}l${cut}g${cut}o`);
	// Real stacks stay: Vietnamese decomposed, Tibetan, Biblical Hebrew.
	for (const text of ['e\u0302\u0323', 'བསྒྲུབས', 'בְּרֵאשִׁ֖ית']) assert.equal(sanitiseText(text), text);
	// Invisible characters between marks do not split a stack.
	assert.equal(sanitiseText(`a${marks.slice(0, 6)}\u200B${marks.slice(6)}`), `a${cut}`);
});

test('cleaning is idempotent and never leaves more marks on a base than the limit', () => {
	const unit = fc.constantFrom(
		'a',
		' ',
		'👩',
		'🏴',
		'\u200D',
		'\u200C',
		'\u200B',
		'\uFE0F',
		'\u0301',
		'\u034F',
		'\u{E0067}',
		'\u{E007F}',
		'\u2028',
		'\u3164',
	);
	fc.assert(
		fc.property(fc.string({unit, maxLength: 40}), (input) => {
			const once = sanitiseText(input);
			assert.equal(sanitiseText(once), once);
			assert.doesNotMatch(once, new RegExp(`\\p{M}{${MAX_TEXT_MARKS_ON_ONE_BASE + 1}}`, 'u'));
			assert.doesNotMatch(once, /\u2028|\u2029|\u200B|\u034F|\u3164/u);
		}),
		{numRuns: 20_000},
	);
});
