import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatStructuredLine, parseStructuredLine} from '../source/protocol/structured-line.js';

test('verb, params and a trailing with spaces and colons', () => {
	assert.deepEqual(parseStructuredLine('SEND m1 bob :hi: there :)'), {
		verb: 'SEND',
		params: ['m1', 'bob'],
		trailing: 'hi: there :)',
	});
});

test('no trailing, no params', () => {
	assert.deepEqual(parseStructuredLine('QUIT'), {verb: 'QUIT', params: [], trailing: undefined});
	assert.deepEqual(parseStructuredLine('PING abc'), {
		verb: 'PING',
		params: ['abc'],
		trailing: undefined,
	});
});

test('an empty trailing differs from none', () => {
	assert.deepEqual(parseStructuredLine('BYE quit :'), {
		verb: 'BYE',
		params: ['quit'],
		trailing: '',
	});
});

test('the trailing keeps its leading and inner spaces', () => {
	assert.equal(parseStructuredLine('SEND a b :  two  spaces ').trailing, '  two  spaces ');
});

test('runs of spaces make no empty params', () => {
	assert.deepEqual(parseStructuredLine('  SEND   m1    bob   :x'), {
		verb: 'SEND',
		params: ['m1', 'bob'],
		trailing: 'x',
	});
	assert.deepEqual(parseStructuredLine('USERS   '), {
		verb: 'USERS',
		params: [],
		trailing: undefined,
	});
});

test('a colon inside a param does not start the trailing', () => {
	assert.deepEqual(parseStructuredLine('HELLO 1 bob password=a:b'), {
		verb: 'HELLO',
		params: ['1', 'bob', 'password=a:b'],
		trailing: undefined,
	});
});

test('a trailing straight after the verb', () => {
	assert.deepEqual(parseStructuredLine('ERROR :x y'), {verb: 'ERROR', params: [], trailing: 'x y'});
});

test('empty and blank lines give an empty verb', () => {
	assert.deepEqual(parseStructuredLine(''), {verb: '', params: [], trailing: undefined});
	assert.deepEqual(parseStructuredLine('   '), {verb: '', params: [], trailing: undefined});
});

test('format puts a colon before any given trailing, even an empty one', () => {
	assert.equal(formatStructuredLine('QUIT', []), 'QUIT');
	assert.equal(formatStructuredLine('PING', ['t1']), 'PING t1');
	assert.equal(formatStructuredLine('BYE', ['quit'], 'goodbye'), 'BYE quit :goodbye');
	assert.equal(formatStructuredLine('FAILED', ['m1', 'self'], ''), 'FAILED m1 self :');
	assert.equal(formatStructuredLine('ERROR', [], ':x'), 'ERROR ::x');
});

test('format and parse round-trip', () => {
	const cases: Array<[string, string[], string | undefined]> = [
		['MSG', ['1', '2', 'alice', 'bob', '-'], 'hi :) there'],
		['USERS', ['a', 'b', 'c'], undefined],
		['X', [], ''],
		['X', [], ':leading colon'],
	];
	for (const [verb, params, trailing] of cases) {
		assert.deepEqual(parseStructuredLine(formatStructuredLine(verb, params, trailing)), {
			verb,
			params,
			trailing,
		});
	}
});
