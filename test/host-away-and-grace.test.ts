// A structured user whose connection drops is AWAY for the grace period, then gone
// (docs/protocol.md "Resume"); messages to them meanwhile are held, then fail.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {RESUME_GRACE_MS} from '../source/protocol/limits.js';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('the default grace period is 60 s', () => {
	assert.equal(RESUME_GRACE_MS, 60_000);
});

test('a dropped structured user is AWAY, holds its name, then LEAVEs and frees it', async (t) => {
	const host = await startTestHost({resumeGraceMs: 2000});
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	const carol = await loginPlain(host.port, 'carol');
	await alice.waitForLine(/^JOIN carol$/);
	bob.destroy();
	assert.equal(await alice.nextLine(), 'AWAY bob');
	// Within the grace period the name stays taken.
	const early = await connectRaw(host.port);
	early.send('HELLO 1 bob');
	assert.match(await early.nextLine(), /^REFUSED name-taken /);
	// Messages meanwhile are held, then fail when the grace period ends.
	alice.send('SEND h1 bob :are you back?');
	assert.match(await alice.nextLine(), /^HELD h1 \d+ \d+$/);
	carol.send('to:bob');
	carol.send('hello bob');
	carol.send('anyone?');
	assert.equal(await alice.nextLine(), 'LEAVE bob');
	assert.equal(
		await alice.nextLine(),
		'FAILED h1 user-left :bob left before the message could be delivered',
	);
	assert.equal(await carol.nextLine(), 'bob left before 2 of your messages could be delivered');
	await loginStructured(host.port, 'bob');
});

test('QUIT leaves at once, without AWAY', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	bob.send('QUIT');
	assert.equal(await alice.nextLine(), 'LEAVE bob');
	await loginStructured(host.port, 'bob');
});
