import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decideAfterOutcome} from '../source/client/outcome-decision.js';

const address = {host: 'host', port: 21_567};
const first = {address, name: 'alice', hasLoggedIn: false, sinceDropMs: 0, graceMs: 60_000};
const later = {...first, hasLoggedIn: true, sinceDropMs: 2000};

test('a refused connection closes before the first login and is retried after it', () => {
	const refused = {kind: 'lost', errorCode: 'ECONNREFUSED'} as const;
	assert.deepEqual(decideAfterOutcome(refused, first), {
		kind: 'close',
		code: 'ECONNREFUSED',
		message: 'could not connect to host:21567: connection refused',
	});
	assert.deepEqual(decideAfterOutcome(refused, later), {kind: 'retry'});
});

test('a reset is retried; a host that closed before any login is named', () => {
	assert.deepEqual(decideAfterOutcome({kind: 'lost', errorCode: 'ECONNRESET'}, later), {
		kind: 'retry',
	});
	const closedEarly = decideAfterOutcome({kind: 'lost', errorCode: undefined}, first);
	assert.equal(closedEarly.kind, 'close');
	assert.match(
		closedEarly.kind === 'close' ? closedEarly.message : '',
		/before the login finished/,
	);
	assert.deepEqual(decideAfterOutcome({kind: 'lost', errorCode: undefined}, later), {
		kind: 'retry',
	});
});

test('permanent refusals close even on a reconnect', () => {
	for (const code of ['password-wrong', 'version-unsupported', 'name-invalid']) {
		const decision = decideAfterOutcome({kind: 'refused', code, reason: ''}, later);
		assert.equal(decision.kind, 'close', code);
	}
});

test('a taken name on a reconnect is retried within the grace period, then closes', () => {
	const taken = {kind: 'refused', code: 'name-taken', reason: 'alice'} as const;
	assert.deepEqual(decideAfterOutcome(taken, later), {kind: 'retry'});
	assert.deepEqual(decideAfterOutcome(taken, {...later, sinceDropMs: 120_000}), {
		kind: 'close',
		code: 'name-taken',
		message: 'the name alice is already in use on host:21567',
	});
});

test('BYE: shutdown is retried, quit and flood close', () => {
	assert.deepEqual(decideAfterOutcome({kind: 'bye', code: 'shutdown', reason: ''}, later), {
		kind: 'retry',
	});
	assert.deepEqual(decideAfterOutcome({kind: 'bye', code: 'quit', reason: 'goodbye'}, later), {
		kind: 'close',
		code: 'quit',
		message: 'you left the chat',
	});
	const flood = decideAfterOutcome({kind: 'bye', code: 'flood', reason: 'too many lines'}, later);
	assert.deepEqual(flood, {
		kind: 'close',
		code: 'flood',
		message: 'the host at host:21567 closed the connection: too many lines',
	});
});

test('while a person watches, a name taken on a reconnect is retried past the grace, with why', () => {
	const taken = {kind: 'refused', code: 'name-taken', reason: 'taken'} as const;
	const longAfter = {...later, sinceDropMs: 10 * 60_000, keepTryingName: true};
	assert.deepEqual(decideAfterOutcome(taken, longAfter), {
		kind: 'retry',
		why: 'the name alice is in use on host:21567 (taken while you were away?)',
	});
	assert.equal(decideAfterOutcome(taken, {...longAfter, keepTryingName: false}).kind, 'close');
	assert.equal(decideAfterOutcome(taken, {...first, keepTryingName: true}).kind, 'close');
});
