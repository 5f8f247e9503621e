import assert from 'node:assert/strict';
import {test} from 'node:test';
import {scriptsOf} from '../source/protocol/letter-script.js';

test('a letter belongs to its own script', () => {
	assert.deepEqual(scriptsOf('a'), ['Latin']);
	assert.deepEqual(scriptsOf('ж'), ['Cyrillic']);
	assert.deepEqual(scriptsOf('λ'), ['Greek']);
	assert.deepEqual(scriptsOf('张'), ['Han']);
	assert.deepEqual(scriptsOf('さ'), ['Hiragana']);
	assert.deepEqual(scriptsOf('김'), ['Hangul']);
	assert.deepEqual(scriptsOf('ক'), ['Bengali']);
	assert.deepEqual(scriptsOf('ᚠ'), ['Runic']);
});

test('a shared letter or mark lists the scripts it is used with', () => {
	const prolonged = scriptsOf('ー');
	assert.ok(prolonged.includes('Hiragana') && prolonged.includes('Katakana'));
	assert.ok(!prolonged.includes('Latin'));
});

test('a character of no particular script fits any', () => {
	assert.deepEqual(scriptsOf('\u20D0'), []); // a combining harpoon
	assert.deepEqual(scriptsOf('ʻ'), []); // the Hawaiian ʻokina
	assert.deepEqual(scriptsOf('1'), []);
});

test('script names read as words', () => {
	assert.deepEqual(scriptsOf('ᐁ'), ['Canadian Aboriginal']);
});
