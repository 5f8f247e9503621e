// What a host password may be (source/protocol/password-rules.ts).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {passwordProblem} from '../source/protocol/password-rules.js';

test('printable passwords without spaces, 1 to 128 characters, are fine', () => {
	for (const password of [
		'a',
		'op3n-s3same',
		'p@ss:w=rd!',
		'mot-de-passe-é',
		'密码',
		'x'.repeat(128),
	]) {
		assert.equal(passwordProblem(password), undefined, password);
	}
});

test('empty, too long, spaces and control characters are refused with a reason', () => {
	assert.equal(passwordProblem(''), 'the password is empty');
	assert.equal(passwordProblem('x'.repeat(129)), 'the password is longer than 128 characters');
	for (const password of [
		'two words',
		'tab\there',
		'nul\u0000',
		'nbsp\u00a0x',
		'bidi\u202ex',
		'cr\r',
	]) {
		assert.match(passwordProblem(password) ?? '', /printable characters, without spaces/, password);
	}
});
