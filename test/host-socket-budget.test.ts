// The host holds at most --max-connections sockets, by default what its open-file limit leaves
// (docs/protocol.md "Limits"). Out of room, a connection still logging in makes way for the
// newcomer; logged-in users are never cut for one, and a newcomer nobody can make way for is
// refused with a line.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {HOST_OWN_FDS} from '../source/protocol/limits.js';
import {
	connectionsForOpenFiles,
	parseOpenFileLimit,
	readOpenFileLimit,
} from '../source/host/open-file-limit.js';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`;

test('the open-file limit is the soft one of /proc/self/limits', () => {
	assert.equal(parseOpenFileLimit(LIMITS), 1024);
	assert.equal(
		parseOpenFileLimit(LIMITS.replace(/1024 {17}524288/, 'unlimited unlimited')),
		undefined,
	);
	assert.equal(parseOpenFileLimit('nothing here'), undefined);
	const own = readOpenFileLimit();
	assert.ok(own === undefined || own > 0);
});

test(`the host keeps ${HOST_OWN_FDS} descriptors for itself; no known limit means no budget`, () => {
	assert.equal(connectionsForOpenFiles(1024), 1024 - HOST_OWN_FDS);
	assert.equal(connectionsForOpenFiles(HOST_OWN_FDS), 1);
	assert.equal(connectionsForOpenFiles(undefined), 0);
});

test('out of room, the longest waiting connection makes way; then newcomers are refused', async (t) => {
	const host = await startTestHost({maxConnections: 4});
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	const idleOld = await connectRaw(host.port);
	const idleYoung = await connectRaw(host.port);
	// A fifth socket: the oldest of those not logged in makes way.
	const carol = await connectRaw(host.port);
	assert.match(
		await idleOld.nextLine(),
		/^REFUSED too-many-connections :too many connections are waiting to log in/,
	);
	await idleOld.closed;
	carol.send('carol');
	assert.equal(await carol.nextLine(), 'Welcome!');
	const dave = await connectRaw(host.port);
	await idleYoung.closed;
	dave.send('dave');
	assert.equal(await dave.nextLine(), 'Welcome!');
	// Everyone is logged in now: the next newcomer is refused, and nobody else is cut.
	const eve = await connectRaw(host.port);
	assert.equal(await eve.nextLine(), 'REFUSED too-many-connections :the host is full; try again');
	await eve.closed;
	assert.ok(host.log.includes('refused 127.0.0.1: too-many-connections (the host is full)'));
	alice.send('to:bob');
	alice.send('still here');
	assert.match(await bob.waitForLine(/^MSG /), / alice bob - :still here$/);
	assert.equal(host.stats().users, 4);
});

test('a place freed by a user who leaves is a place for the next newcomer', async (t) => {
	const host = await startTestHost({maxConnections: 1});
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const refused = await connectRaw(host.port);
	assert.match(await refused.nextLine(), /^REFUSED too-many-connections :the host is full/);
	alice.send('quit');
	await alice.closed;
	// The host counts the place free once it saw the socket close: try until it did.
	const deadline = Date.now() + 5000;
	let reply = '';
	while (reply !== 'Welcome!' && Date.now() < deadline) {
		const bob = await connectRaw(host.port);
		bob.send('bob');
		reply = await bob.nextLine().catch(() => '');
	}

	assert.equal(reply, 'Welcome!');
});
