import assert from 'node:assert/strict';
import {test} from 'node:test';
import {keyId, parseKeys} from '../source/ui/keys/parse-key.js';

const ids = (input: string) => parseKeys(input).map((key) => keyId(key));

test('control characters are ctrl keys, never text', () => {
	assert.deepEqual(ids('\u000E'), ['ctrl+n']);
	assert.deepEqual(ids('\u0010'), ['ctrl+p']);
	assert.deepEqual(ids('\u0003'), ['ctrl+c']);
	assert.deepEqual(ids('\u0004'), ['ctrl+d']);
	assert.deepEqual(ids('\r'), ['return']);
	assert.deepEqual(ids('\t'), ['tab']);
	assert.deepEqual(ids('\u007F'), ['backspace']);
});

test('Alt+character arrives as ESC + character', () => {
	assert.deepEqual(ids('\u001B1'), ['alt+1']);
	assert.deepEqual(ids('\u001B9'), ['alt+9']);
	assert.deepEqual(ids('\u001Ba'), ['alt+a']);
	assert.deepEqual(ids('\u001B\u007F'), ['alt+backspace']);
});

test('function and cursor keys in xterm, rxvt and linux console forms', () => {
	assert.deepEqual(ids('\u001BOP'), ['f1']);
	assert.deepEqual(ids('\u001B[11~'), ['f1']);
	assert.deepEqual(ids('\u001B[[A'), ['f1']);
	assert.deepEqual(ids('\u001B[5~'), ['pageup']);
	assert.deepEqual(ids('\u001B[6~'), ['pagedown']);
	assert.deepEqual(ids('\u001B[A'), ['up']);
	assert.deepEqual(ids('\u001BOB'), ['down']);
	assert.deepEqual(ids('\u001B[H'), ['home']);
	assert.deepEqual(ids('\u001B[4~'), ['end']);
	assert.deepEqual(ids('\u001B[3~'), ['delete']);
	assert.deepEqual(ids('\u001B[1;5D'), ['ctrl+left']);
	assert.deepEqual(ids('\u001B[1;3C'), ['alt+right']);
	assert.deepEqual(ids('\u001B[Z'), ['shift+tab']);
	assert.deepEqual(ids('\u001B'), ['escape']);
});

test('unknown sequences are a key of their own, never text', () => {
	const keys = parseKeys('\u001B[99~');
	assert.equal(keys.length, 1);
	assert.equal(keys[0]?.name, 'unknown');
	assert.equal(keys[0]?.text, undefined);
});

test('pasted text stays whole; control characters inside split it', () => {
	assert.deepEqual(parseKeys('héllo 世界 👍🏽'), [
		{name: 'text', text: 'héllo 世界 👍🏽', ctrl: false, meta: false, shift: false},
	]);
	assert.deepEqual(
		parseKeys('ab\rcd').map((key) => key.text ?? keyId(key)),
		['ab', 'return', 'cd'],
	);
});
