import assert from 'node:assert/strict';
import {test} from 'node:test';
import {needsSanitising, sanitiseText} from '../source/protocol/sanitise-text.js';

const ESC = '\u001B';

test('clean text comes back as the same string', () => {
	for (const text of ['hello', 'tab\there', 'émoji 😀 中文 עברית', '']) {
		assert.equal(sanitiseText(text), text);
		assert.equal(needsSanitising(text), false);
	}
});

test('C0 controls except TAB, and DEL, are removed', () => {
	assert.equal(sanitiseText('a\u0000b\u0007c\bd\te\nf\rg\u001Fh\u007Fi'), 'abcd\tefghi');
	assert.equal(needsSanitising('a\nb'), true);
});

test('CSI sequences are removed whole', () => {
	assert.equal(sanitiseText(`${ESC}[31mred${ESC}[0m`), 'red');
	assert.equal(sanitiseText(`a${ESC}[2Jb${ESC}[10;20Hc`), 'abc');
	assert.equal(sanitiseText(`a${ESC}[?1049hb`), 'ab');
	assert.equal(sanitiseText(`a${ESC}[1 qb`), 'ab'); // with an intermediate byte
});

test('an unfinished CSI loses its introducer and parameters', () => {
	assert.equal(sanitiseText(`a${ESC}[12;`), 'a');
	assert.equal(sanitiseText(`a${ESC}[12;\u00e9`), 'aé');
});

test('OSC ends at BEL or ST, or runs to the end of the text', () => {
	assert.equal(sanitiseText(`a${ESC}]0;evil title\u0007b`), 'ab');
	assert.equal(
		sanitiseText(`a${ESC}]8;;https://x.example${ESC}\\link${ESC}]8;;${ESC}\\b`),
		'alinkb',
	);
	assert.equal(sanitiseText(`a${ESC}]52;c;c2VjcmV0`), 'a');
});

test('DCS, SOS, PM and APC strings are removed to their ST', () => {
	for (const introducer of ['P', 'X', '^', '_']) {
		assert.equal(sanitiseText(`a${ESC}${introducer}payload with spaces${ESC}\\b`), 'ab');
		assert.equal(sanitiseText(`a${ESC}${introducer}no end`), 'a');
	}
});

test('any other ESC takes one character with it', () => {
	assert.equal(sanitiseText(`a${ESC}cb`), 'ab'); // full reset
	assert.equal(sanitiseText(`a${ESC}7b${ESC}8c`), 'abc');
	assert.equal(sanitiseText(`a${ESC}(Bb`), 'ab'); // charset switch with an intermediate
	assert.equal(sanitiseText(`a${ESC}😀b`), 'ab'); // a whole code point, not half
	assert.equal(sanitiseText(`a${ESC}`), 'a');
});

test('C1 controls are removed, 8-bit CSI and OSC as whole sequences', () => {
	assert.equal(sanitiseText('a\u0080b\u0085c\u008Dd\u009Ce'), 'abcde');
	assert.equal(sanitiseText('a\u009Fapc without end'), 'a');
	assert.equal(sanitiseText('a\u009B2Jb'), 'ab');
	assert.equal(sanitiseText('a\u009D0;title\u0007b'), 'ab');
	assert.equal(sanitiseText('a\u009D0;title\u009Cb'), 'ab');
	assert.equal(sanitiseText('a\u0090dcs\u009Cb'), 'ab');
});

test('bidirectional embeddings, overrides and isolates are removed', () => {
	const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
	assert.equal(sanitiseText(`x${bidi}y`), 'xy');
	// The marks LRM and RLM are invisible too (protocol-visible-text.test.ts).
	assert.equal(sanitiseText('a\u200Eb\u200Fc'), 'abc');
});

test('nothing but control leaves an empty text', () => {
	assert.equal(sanitiseText(`${ESC}[2J${ESC}[H\r\n`), '');
});

test('cleaning twice changes nothing more', () => {
	const dirty = `${ESC}${ESC}[[31m${ESC}]${ESC}]x\u0007\u009B\u009B1m!`;
	const once = sanitiseText(dirty);
	assert.equal(sanitiseText(once), once);
	assert.equal(needsSanitising(once), false);
});
