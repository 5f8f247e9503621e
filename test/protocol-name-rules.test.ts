import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CONFUSABLE_LETTERS, foldCase} from '../source/protocol/confusable-letters.js';
import {checkName, nameKey} from '../source/protocol/name-rules.js';

function reasonFor(name: string): string {
	const result = checkName(name);
	assert.equal(result.ok, false, `${name} should be refused`);
	return result.ok ? '' : result.reason;
}

test('names of one script pass, as typed', () => {
	for (const name of [
		'alice',
		'Bob_2',
		'a.b-c',
		'Émile',
		'Zoë',
		'Александр',
		'Νίκος',
		'张伟',
		'さくら',
		'山田たろう',
		'カタカナー',
		'김민수',
		'محمد',
		'דוד',
		'प्रिया',
		'สมชาย',
		'7',
	]) {
		assert.deepEqual(checkName(name), {ok: true, name});
	}
});

test('the accepted name is NFC', () => {
	assert.deepEqual(checkName('E\u0301mile'), {ok: true, name: 'Émile'});
});

test('length counts code points after NFC: 1 to 32', () => {
	assert.equal(reasonFor(''), 'it is empty');
	assert.equal(checkName('a'.repeat(32)).ok, true);
	assert.equal(reasonFor('a'.repeat(33)), 'it is longer than 32 characters');
	assert.equal(checkName('张'.repeat(32)).ok, true);
	assert.equal(reasonFor('张'.repeat(33)), 'it is longer than 32 characters');
	assert.equal(checkName('e\u0301'.repeat(32)).ok, true); // 64 code points, 32 after NFC
});

test('spaces, controls, colon, at and other symbols are refused with a reason', () => {
	assert.equal(reasonFor('al ice'), 'it contains a space');
	assert.equal(reasonFor('al\u00A0ice'), 'it contains a space');
	assert.equal(reasonFor('al\u0007ice'), 'it contains a control character');
	assert.equal(reasonFor('bob\u200B'), 'it contains an invisible formatting character');
	assert.equal(reasonFor('a:b'), "it contains ':'");
	assert.equal(reasonFor('a@b'), "it contains '@'");
	assert.equal(
		reasonFor('a+b'),
		"it contains '+', which is not a letter, a digit 0-9, '_', '-' or '.'",
	);
	assert.match(reasonFor('😀'), /contains '😀', which is not a letter/);
	assert.match(reasonFor('٣'), /not a letter, a digit 0-9/);
	assert.match(reasonFor('a\uE000'), /contains U\+E000,/);
});

test('scripts may not mix, except the three of Japanese', () => {
	assert.equal(reasonFor('\u0430lice'), 'it mixes Cyrillic and Latin letters');
	assert.equal(reasonFor('Ωmega'), 'it mixes Greek and Latin letters');
	assert.equal(reasonFor('bobたろう'), 'it mixes Latin and Hiragana letters');
	assert.equal(reasonFor('김たろう'), 'it mixes Hangul and Hiragana letters');
	assert.equal(reasonFor('山田たろうx'), 'it mixes Han and Latin letters');
	assert.equal(checkName('山田タロウたろう').ok, true);
	assert.equal(checkName('ラーメン').ok, true);
});

test('digits and _ - . go with any script', () => {
	assert.equal(checkName('张伟_1990').ok, true);
	assert.equal(checkName('Саша.2').ok, true);
});

test('combining marks need a letter and stay few', () => {
	assert.equal(checkName('x\u0301\u0302\u0303').ok, true);
	assert.equal(reasonFor('x\u0301\u0302\u0303\u0304'), 'it stacks more than 3 marks on one letter');
	assert.equal(reasonFor('\u0301a'), 'it has a combining mark that is not on a letter');
	assert.equal(reasonFor('1\u0301'), 'it has a combining mark that is not on a letter');
	assert.equal(reasonFor('a\u0915\u094D'), 'it mixes Latin and Devanagari letters');
});

test('keys ignore case, width and compatibility forms', () => {
	const key = nameKey('alice');
	for (const name of ['Alice', 'ALICE', 'ＡＬＩＣＥ', 'ａｌｉｃｅ', '𝐚𝐥𝐢𝐜𝐞'])
		assert.equal(nameKey(name), key);
	assert.equal(nameKey('Straße'), nameKey('STRASSE'));
	assert.equal(nameKey('STRAẞE'), nameKey('strasse'));
	assert.equal(nameKey('ſam'), nameKey('sam'));
	assert.equal(nameKey('ΟΔΥΣΣΕΥΣ'), nameKey('οδυσσευς'));
	assert.equal(nameKey('İstanbul'), nameKey('istanbul'));
	assert.equal(nameKey('Émile'), nameKey('E\u0301MILE'));
});

test('keys map look-alike letters of other scripts to Latin', () => {
	const alice = nameKey('alice');
	assert.equal(nameKey('\u0430lice'), alice); // Cyrillic а
	assert.equal(nameKey('\u0410LICE'), alice); // Cyrillic А
	assert.equal(nameKey('ΑLΙCΕ'), alice); // Greek capitals
	assert.equal(nameKey('ΝΙΚΕ'), nameKey('nike'));
	assert.equal(nameKey('νικε'), nameKey('nike'));
	assert.equal(nameKey('РАУРАС'), nameKey('paypac'));
	assert.equal(nameKey('ѕсоре'), nameKey('scope'));
	assert.equal(nameKey('bob\u200B'), nameKey('bob'));
	assert.equal(nameKey('ı'), nameKey('i'));
});

test('keys keep different names apart', () => {
	assert.notEqual(nameKey('emile'), nameKey('émile'));
	assert.notEqual(nameKey('leo1'), nameKey('leol')); // digits are not mapped
	assert.notEqual(nameKey('jo0'), nameKey('joo'));
	assert.notEqual(nameKey('张伟'), nameKey('张三'));
	assert.notEqual(nameKey('bob'), nameKey('bob_'));
});

test('the look-alike table has one Latin letter for both cases of a letter', () => {
	const seen = new Map<string, string>();
	for (const [letter, latin] of Object.entries(CONFUSABLE_LETTERS)) {
		assert.match(latin, /^[a-zëï]$/, `${letter} maps to a lowercase Latin letter`);
		const folded = foldCase(letter);
		assert.equal(seen.get(folded) ?? latin, latin, `${letter} conflicts with another entry`);
		seen.set(folded, latin);
		assert.equal(nameKey(letter), nameKey(latin), `${letter} and ${latin} share a key`);
		assert.equal(nameKey(letter.toUpperCase()), nameKey(letter.toLowerCase()));
	}
});

test('a name needs a letter or a digit, and may not start or end with . or -', () => {
	for (const name of ['.', '-', '_', '..', '-_-', '._.']) {
		assert.equal(reasonFor(name), 'it has no letter or digit');
	}

	assert.equal(reasonFor('.alice'), "it starts with '.'");
	assert.equal(reasonFor('-bob'), "it starts with '-'");
	assert.equal(reasonFor('alice.'), "it ends with '.'");
	assert.equal(reasonFor('bob-'), "it ends with '-'");
	assert.equal(reasonFor('ꓸꓸ'), "it looks like '..'"); // Lisu letters that pass for dots
	assert.equal(reasonFor('ꓸꓮꓡ'), "it starts with 'ꓸ', which looks like '.'");
	for (const name of ['_bob', 'bob_', '__init__', 'a.b-c', '7', '0.1']) {
		assert.deepEqual(checkName(name), {ok: true, name});
	}
});

test('the words of the protocol are not names, in any case or look-alike', () => {
	for (const [name, word] of [
		['USERS-END', 'USERS-END'],
		['users-end', 'USERS-END'],
		['WELCOME', 'WELCOME'],
		['Welcome', 'WELCOME'],
		['quit', 'quit'],
		['QUIT', 'quit'],
		['HELLO', 'HELLO'],
		['msg', 'MSG'],
		['ВУЕ', 'BYE'], // Cyrillic
		['Reuse', 'Reuse'],
		['to', 'to'],
		['pass', 'pass'],
	] as const) {
		assert.equal(reasonFor(name), `it is a word of the protocol (${word})`);
	}

	assert.equal(checkName('quitter').ok, true);
	assert.equal(checkName('users').ok, false);
	assert.equal(checkName('userz').ok, true);
});
