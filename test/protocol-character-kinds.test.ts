// The text cleaner's tables agree with Unicode's properties for every code point.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {INVISIBLE, kindOf, LINE_SEPARATOR, MARK} from '../source/protocol/character-kinds.js';

const IS_MARK = /^\p{M}$/u;
const IS_INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]$/u;

test('kindOf matches \\p{M}, Default_Ignorable_Code_Point and the line separators', () => {
	let wrong = 0;
	for (let codePoint = 0; codePoint <= 0x10_ff_ff; codePoint++) {
		if (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) continue;
		const character = String.fromCodePoint(codePoint);
		let expected = IS_MARK.test(character) ? MARK : 0;
		if (IS_INVISIBLE.test(character)) expected |= INVISIBLE;
		if (codePoint === 0x20_28 || codePoint === 0x20_29) expected |= LINE_SEPARATOR;
		if (kindOf(codePoint) !== expected) wrong++;
	}

	assert.equal(wrong, 0);
});
