// LOGIN_TIMEOUT_MS: a connection that does not log in is closed (docs/protocol.md "Limits").

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {LOGIN_TIMEOUT_MS} from '../source/protocol/limits.js';
import {connectRaw, loginPlain} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('the default login timeout is 10 s', () => {
	assert.equal(LOGIN_TIMEOUT_MS, 10_000);
});

test('a silent connection is refused with login-timeout and closed; logged-in users stay', async (t) => {
	// Long enough that alice logs in in time even on a loaded machine.
	const host = await startTestHost({loginTimeoutMs: 1000});
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const scanner = await connectRaw(host.port);
	assert.equal(await scanner.nextLine(), 'REFUSED login-timeout :no login within 1 s');
	await scanner.closed;
	assert.ok(host.log.some((line) => line.includes('login-timeout')));
	// alice logged in before the timeout and is not touched by it.
	await loginPlain(host.port, 'bob');
	alice.send('to:bob');
	assert.equal(alice.isClosed, false);
});
