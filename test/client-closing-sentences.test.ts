import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	byeSentence,
	connectFailureSentence,
	formatHostLabel,
	refusalSentence,
} from '../source/client/closing-sentences.js';

const host = {host: 'host', port: 21_567};

test('host labels put IPv6 in brackets', () => {
	assert.equal(formatHostLabel(host), 'host:21567');
	assert.equal(formatHostLabel({host: '::1', port: 9}), '[::1]:9');
});

test('connect failures', () => {
	assert.equal(
		connectFailureSentence(host, 'ECONNREFUSED'),
		'could not connect to host:21567: connection refused',
	);
	assert.equal(
		connectFailureSentence({host: 'nohost.example', port: 1}, 'ENOTFOUND'),
		'unknown host nohost.example',
	);
	assert.match(connectFailureSentence(host, 'ETIMEDOUT'), /did not answer/);
});

test('refusals', () => {
	assert.equal(
		refusalSentence(host, 'alice', 'name-taken', 'whatever the host says'),
		'the name alice is already in use on host:21567',
	);
	assert.equal(
		refusalSentence(host, 'al!ce', 'name-invalid', "it contains '!'"),
		"invalid name al!ce: it contains '!'",
	);
	assert.equal(
		refusalSentence(host, 'x:y', 'name-invalid', "invalid name: it contains ':'"),
		"invalid name x:y: it contains ':'",
	);
	assert.match(refusalSentence(host, 'a', 'version-unsupported', ''), /protocol version 1/);
	assert.match(refusalSentence(host, 'a', 'password-required', ''), /needs a password/);
	assert.equal(refusalSentence(host, 'a', 'password-wrong', ''), 'wrong password for host:21567');
	assert.match(
		refusalSentence(host, 'a', 'too-many-connections', 'too many connections from 1.2.3.4'),
		/refused the login: too many connections/,
	);
});

test('a bye that ends the session', () => {
	assert.match(
		byeSentence(host, 'flood', 'you sent too fast'),
		/closed the connection: you sent too fast/,
	);
	assert.match(byeSentence(host, 'replaced', 'x'), /taken over by another connection/);
});
