// The SEND fast path reads the canonical line exactly as parseClientLine does, and leaves every
// other line to it.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {CanonicalSend} from '../source/host/session/send-line.js';
import {parseClientLine} from '../source/protocol/structured-messages.js';

test('a canonical SEND is split into ref, name and text', () => {
	const send = new CanonicalSend();
	assert.equal(send.read('SEND m1 bob :hello there :)'), true);
	assert.deepEqual({...send}, {ref: 'm1', to: 'bob', text: 'hello there :)'});
	assert.equal(send.read('SEND m2 张伟 :'), true);
	assert.deepEqual({...send}, {ref: 'm2', to: '张伟', text: ''});
});

test('other forms are left to parseClientLine', () => {
	const send = new CanonicalSend();
	for (const line of [
		'SEND m1 bob hi',
		'SEND  m1 bob :hi',
		'SEND m1  bob :hi',
		'SEND m1 bob  :hi',
		'SEND m1 :bob :hi',
		'SEND :m1 bob :hi',
		'SEND m/1 bob :hi',
		'SEND m1 bob',
		'SEND m1',
		'SEND ',
		' SEND m1 bob :hi',
		'send m1 bob :hi',
	]) {
		assert.equal(send.read(line), false, line);
	}
});

test('whenever the fast path takes a line, parseClientLine reads it the same way', () => {
	const send = new CanonicalSend();
	const piece = fc.constantFrom('SEND', ' ', ':', 'm1', 'bob', 'a.b-c_9', '/', 'é', '', 'hi there');
	const pieces = fc.array(piece, {maxLength: 8}).map((parts) => parts.join(''));
	const shaped = fc
		.tuple(fc.string({maxLength: 40}), fc.string({maxLength: 12}), fc.string({maxLength: 40}))
		.map(([ref, to, text]) => `SEND ${ref} ${to} :${text}`);
	fc.assert(
		fc.property(fc.oneof(pieces, shaped), (line) => {
			if (!send.read(line)) return;
			assert.deepEqual(parseClientLine(line), {
				kind: 'send',
				ref: send.ref,
				to: send.to,
				text: send.text,
			});
		}),
		{numRuns: 20_000},
	);
});

test('the fast path takes every canonical SEND with a valid ref', () => {
	const send = new CanonicalSend();
	// `-` alone is reserved for plain senders' MSG lines (docs/protocol.md "The structured face").
	const ref = fc.stringMatching(/^[A-Za-z0-9._-]{1,32}$/).filter((each) => each !== '-');
	const name = fc
		.string({minLength: 1, maxLength: 12})
		.filter((to) => !to.includes(' ') && !to.startsWith(':'));
	fc.assert(
		fc.property(ref, name, fc.string({maxLength: 40}), (ref_, to, text) => {
			assert.equal(send.read(`SEND ${ref_} ${to} :${text}`), true);
			assert.deepEqual({...send}, {ref: ref_, to, text});
		}),
		{numRuns: 5000},
	);
});
