// How search folds text: case and accents dropped in any script, character by character, the
// quick paths (ASCII, remembered characters) giving exactly what folding each character does.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {foldForSearch, matchRanges} from '../source/protocol/search-folding.js';

/** The definition: each character decomposed, its marks dropped, lower-cased on its own. */
function foldEachCharacter(text: string): string {
	let folded = '';
	for (const character of text) {
		folded += character.normalize('NFD').replaceAll(/\p{M}/gu, '').toLowerCase();
	}
	return folded;
}

test('case and accents are folded, in any script', () => {
	assert.equal(foldForSearch('Crème Brûlée, HELLO'), 'creme brulee, hello');
	assert.equal(foldForSearch('Ärger İstanbul'), 'arger istanbul');
	assert.equal(foldForSearch('明日は東京 🎉'), '明日は東京 🎉');
	// Lower-cased one character at a time: a final capital sigma folds as any other sigma.
	assert.equal(foldForSearch('ΟΔΟΣ'), 'οδοσ');
});

test('the quick paths fold exactly as each character on its own does', () => {
	const alphabet = [
		...'aZ09 ,.~\t',
		'é',
		'Ü',
		'ß',
		'Σ',
		'ς',
		'İ',
		'ﬁ',
		'東',
		'한',
		'🎉',
		'\u0301',
		'Ǆ',
	];
	let seed = 7;
	const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
	for (let round = 0; round < 500; round++) {
		let text = '';
		const length = next() % 12;
		for (let index = 0; index < length; index++) text += alphabet[next() % alphabet.length];
		// Twice: the second time from the remembered characters.
		assert.equal(foldForSearch(text), foldEachCharacter(text), JSON.stringify(text));
		assert.equal(foldForSearch(text), foldEachCharacter(text), JSON.stringify(text));
	}
});

test('matches are found in the text as written', () => {
	assert.deepEqual(matchRanges('a Crème brûlée', 'creme'), [[2, 7]]);
	assert.deepEqual(matchRanges('HELLO hello', 'hello'), [
		[0, 5],
		[6, 11],
	]);
});
