import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	formatPlainRelay,
	parsePlainCommand,
	PLAIN_CHOOSE_PARTNER,
	PLAIN_LINE_TOO_LONG,
	PLAIN_PASSWORD_NEEDED,
	PLAIN_PASSWORD_WRONG,
	PLAIN_QUIT,
	PLAIN_REUSE,
	PLAIN_SELF,
	PLAIN_SHUTDOWN,
	PLAIN_SLOW_DOWN,
	PLAIN_TO_NEEDS_NAME,
	PLAIN_WELCOME,
	plainDisconnected,
	plainHeldFailed,
	plainInvalidName,
	plainPartnerOffline,
	plainUnknownUser,
} from '../source/protocol/plain-face.js';

test('the fixed strings are exactly those of docs/protocol.md', () => {
	assert.equal(PLAIN_WELCOME, 'Welcome!');
	assert.equal(PLAIN_REUSE, 'Reuse');
	assert.equal(PLAIN_CHOOSE_PARTNER, 'Please input the user who you want to chat with');
	assert.equal(PLAIN_QUIT, 'quit');
	assert.equal(PLAIN_TO_NEEDS_NAME, 'to: needs a user name, for example to:bob');
	assert.equal(PLAIN_SELF, 'you cannot chat with yourself');
	assert.equal(PLAIN_LINE_TOO_LONG, 'Line too long (limit 8192 bytes): it was discarded, not sent');
	assert.equal(PLAIN_SLOW_DOWN, 'You are sending too fast: slow down');
	assert.equal(PLAIN_SHUTDOWN, 'The host is shutting down');
	assert.equal(
		PLAIN_PASSWORD_NEEDED,
		'This host needs a password: send pass:PASSWORD first, then your name',
	);
	assert.equal(PLAIN_PASSWORD_WRONG, 'Wrong password');
});

test('the strings with a name, a reason or a count', () => {
	assert.equal(plainUnknownUser('carol'), 'the user carol does not exist');
	assert.equal(plainInvalidName('it contains a space'), 'Invalid name: it contains a space');
	assert.equal(plainPartnerOffline('bob'), 'the user bob is offline, message not sent');
	assert.equal(plainHeldFailed('bob', 3), 'bob left before 3 of your messages could be delivered');
	assert.equal(plainDisconnected('flood'), 'Disconnected: flood');
});

test('a relayed message looks like the original relay', () => {
	assert.equal(
		formatPlainRelay('Wed Nov 25 18:40:00 2026', 'alice', 'hi bob'),
		'[Wed Nov 25 18:40:00 2026] alice: hi bob',
	);
});

test('quit is exact', () => {
	assert.deepEqual(parsePlainCommand('quit'), {kind: 'quit'});
	for (const text of ['QUIT', 'quit ', ' quit', 'quit now']) {
		assert.deepEqual(parsePlainCommand(text), {kind: 'text', text});
	}
});

test('to: picks a partner, trimming spaces around the name', () => {
	assert.deepEqual(parsePlainCommand('to:bob'), {kind: 'to', name: 'bob'});
	assert.deepEqual(parsePlainCommand('to: bob '), {kind: 'to', name: 'bob'});
	assert.deepEqual(parsePlainCommand('to:'), {kind: 'to', name: ''});
	assert.deepEqual(parsePlainCommand('to:張偉'), {kind: 'to', name: '張偉'});
});

test('to: is lowercase only, as in the original', () => {
	assert.deepEqual(parsePlainCommand('To:bob'), {kind: 'text', text: 'To:bob'});
	assert.deepEqual(parsePlainCommand('say to:bob'), {kind: 'text', text: 'say to:bob'});
});

test('pass: carries the secret as typed', () => {
	assert.deepEqual(parsePlainCommand('pass:s3cret word'), {kind: 'pass', secret: 's3cret word'});
	assert.deepEqual(parsePlainCommand('pass:'), {kind: 'pass', secret: ''});
});

test('anything else is text', () => {
	assert.deepEqual(parsePlainCommand('hello there'), {kind: 'text', text: 'hello there'});
});
