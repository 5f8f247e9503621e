// The look-alike table from Unicode's data (UTS #39) and how the name key reads it.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {lookalikeTableText, TABLE_FILE} from '../scripts/generate-lookalikes.js';
import {nameKey} from '../source/protocol/name-rules.js';
import table from '../source/protocol/unicode-lookalikes.json' with {type: 'json'};

test('the checked-in table is what the generator makes from the unhomoglyph data', () => {
	assert.equal(
		readFileSync(TABLE_FILE, 'utf8'),
		lookalikeTableText(),
		'run: node --import tsx scripts/generate-lookalikes.ts',
	);
});

test('the table covers the look-alikes of alice that the hand table missed', () => {
	const alice = nameKey('alice');
	assert.equal(nameKey('ꓮꓡꓲꓚꓰ'), alice); // Lisu
	assert.equal(nameKey('ᎪᏞᎥᏟᎬ'), alice); // Cherokee, with U+13A5
	assert.equal(nameKey('ꭺꮮꭵꮯꭼ'), alice); // the same in Cherokee small letters
	assert.equal(nameKey('a\u01C0ice'), alice); // U+01C0, a dental click
	assert.equal(nameKey('ALICE'), alice);
});

test('a vertical stroke reads as I among capitals and as l among small letters', () => {
	assert.equal(nameKey('A\u01C0ICE'), nameKey('aiice')); // AǀICE passes for AIICE, not ALICE
	assert.equal(nameKey('A\u01C0ice'), nameKey('alice'));
	assert.equal(nameKey('\u01C0\u01C0'), nameKey('ll')); // no company: Unicode's own reading
	assert.equal(nameKey('ꓡꓲꓡꓲ'), nameKey('lili'));
});

test('letters of one script keep their own differences', () => {
	assert.notEqual(nameKey('Jörg'), nameKey('Jorg'));
	assert.notEqual(nameKey('Александр'), nameKey('Алексей'));
	assert.notEqual(nameKey('ꓮꓡꓲꓚꓰ'), nameKey('ꓮꓡꓲꓚ'));
	assert.notEqual(nameKey('Ian'), nameKey('lan'));
});

test('every key made from the table is stable, in both cases of each letter', () => {
	for (const letter of [...Object.keys(table.lookalikes), ...table.strokes]) {
		for (const each of [letter, letter.toUpperCase(), `a${letter}b`, `A${letter}B`]) {
			const key = nameKey(each);
			assert.equal(nameKey(key), key, `${each} (U+${letter.codePointAt(0)?.toString(16)})`);
		}
	}
});

test('the table maps no ASCII and nothing to itself', () => {
	for (const [letter, prototype] of Object.entries(table.lookalikes)) {
		assert.doesNotMatch(letter, /^[\x00-\x7f]$/);
		assert.notEqual(prototype, letter);
		assert.equal([...letter].length, 1);
	}
});
