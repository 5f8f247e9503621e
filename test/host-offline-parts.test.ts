// Stored and held messages keep their parts and their action mark (docs/protocol.md "Messages
// for someone offline", "Long and multi-line messages"): what the owner gets later is what a live
// delivery would have been, every part with its SEND's options, and a message of several parts
// counts as one against --mailbox-size.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {aliceWithBobAway, loginOwner} from './helpers/keyed-client.js';
import {loginStructured, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

/** A two-line action and a message of three parts (a blank line, then a long line cut in two). */
const SENDS = [
	'SEND a.1 bob kind=action more=1 :waves',
	'SEND a.2 bob kind=action :and smiles',
	'SEND b.1 bob more=2 :first line',
	'SEND b.2 bob more=0 :second line, cut',
	'SEND b.3 bob : here',
];

/** What bob's MSG lines carry after their ref: the options, then the text. */
const EXPECTED = [
	'a.1 stored kind=action more=1 :waves',
	'a.2 stored kind=action :and smiles',
	'b.1 stored more=2 :first line',
	'b.2 stored more=0 :second line, cut',
	'b.3 stored : here',
];

async function sendParts(alice: RawClient, result: 'STORED' | 'HELD'): Promise<void> {
	for (const line of SENDS) alice.send(line);
	for (const line of SENDS) {
		const ref = line.split(' ')[1] ?? '';
		assert.match(
			await alice.waitForLine(/^(STORED|HELD|FAILED) /),
			new RegExp(`^${result} ${ref} `),
		);
	}
}

async function partsOf(bob: RawClient, count: number): Promise<string[]> {
	const parts: string[] = [];
	while (parts.length < count) {
		const line = await bob.waitForLine(/^MSG /);
		const match = /^MSG \d+ \d+ alice bob (.*)$/.exec(line);
		assert.ok(match, line);
		parts.push(match[1] ?? '');
	}

	return parts;
}

test('a stored message of several parts, and an action, reach the owner with their options', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob']});
	const alice = await loginOwner(host.port, 'alice');
	await sendParts(alice, 'STORED');
	const bob = await loginOwner(host.port, 'bob');
	assert.deepEqual(await partsOf(bob, EXPECTED.length), EXPECTED);
	for (const line of SENDS) {
		const ref = line.split(' ')[1] ?? '';
		assert.match(await alice.waitForLine(/^DELIVERED /), new RegExp(`^DELIVERED ${ref} `));
	}
});

test('stored parts keep their options across a restart of the host', async (t) => {
	const dir = storeDir();
	const first = await startStoreHost(t, dir, {owned: ['bob']});
	const alice = await loginOwner(first.port, 'alice');
	await sendParts(alice, 'STORED');
	await first.stop();

	const second = await startStoreHost(t, dir);
	const bob = await loginOwner(second.port, 'bob');
	assert.deepEqual(await partsOf(bob, EXPECTED.length), EXPECTED);
});

test('held parts for an away owner keep their options across a restart', async (t) => {
	const dir = storeDir();
	const first = await startStoreHost(t, dir, {owned: ['bob']});
	const alice = await aliceWithBobAway(first.port);
	await sendParts(alice, 'HELD');
	await first.stop();

	const second = await startStoreHost(t, dir);
	const again = await loginOwner(second.port, 'bob');
	assert.deepEqual(await partsOf(again, EXPECTED.length), EXPECTED);
});

test('held parts become stored ones with their options when the grace ends', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob'], resumeGraceMs: 200});
	const alice = await aliceWithBobAway(host.port);
	await sendParts(alice, 'HELD');
	for (const line of SENDS) {
		const ref = line.split(' ')[1] ?? '';
		assert.match(await alice.waitForLine(/^STORED /), new RegExp(`^STORED ${ref} `));
	}
	const again = await loginOwner(host.port, 'bob');
	assert.deepEqual(await partsOf(again, EXPECTED.length), EXPECTED);
});

test('held parts reach an away user who resumes with their options, on a host without a store', async (t) => {
	const host = await startTestHost({rate: 0});
	t.after(host.stop);
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	bob.destroy();
	await alice.waitForLine(/^AWAY bob$/);
	await sendParts(alice, 'HELD');
	const back = await loginStructured(host.port, 'bob', ` resume=${bob.token}`);
	const live = EXPECTED.map((line) => line.replace(' stored', ''));
	assert.deepEqual(await partsOf(back, live.length), live);
});

test('a message of several parts counts as one against --mailbox-size, its bytes against --mailbox-bytes', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob'], maxStoredMessages: 2});
	const alice = await loginOwner(host.port, 'alice');
	await sendParts(alice, 'STORED');
	assert.equal(host.store.messages.size('bob', 'stored').messages, 2, 'two messages of five parts');
	alice.send('SEND c.1 bob :one too many');
	assert.match(await alice.nextLine(), /^FAILED c.1 mailbox-full :bob already has 2 messages /);
	const bytes = ['waves', 'and smiles', 'first line', 'second line, cut', ' here'].join('').length;
	assert.equal(host.store.messages.size('bob', 'stored').bytes, bytes);
});

test('a sender who went offline hears DELIVERED for every part at its next login', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['alice', 'bob']});
	const alice = await loginOwner(host.port, 'alice');
	await sendParts(alice, 'STORED');
	alice.send('QUIT');
	await alice.closed;
	const bob = await loginOwner(host.port, 'bob');
	assert.deepEqual(await partsOf(bob, EXPECTED.length), EXPECTED);
	// The receipts are owed once their commit is done; a login before it would find none yet.
	while (host.store.receipts.owedTo('alice').length < SENDS.length) {
		await new Promise((resolve) => setImmediate(resolve));
	}

	const back = await loginOwner(host.port, 'alice');
	const delivered = [];
	while (delivered.length < SENDS.length) {
		delivered.push(/^DELIVERED (\S+) /.exec(await back.waitForLine(/^DELIVERED /))?.[1]);
	}

	assert.deepEqual(
		delivered,
		SENDS.map((line) => line.split(' ')[1]),
	);
});
