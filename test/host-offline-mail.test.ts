// Messages for someone who is offline (docs/protocol.md "Messages for someone offline"): a SEND to
// an owned name whose owner is offline is STORED once durable, handed on first at the owner's
// login, in order and once, and its sender hears DELIVERED then or at its own next login.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {aliceWithBobAway, loginOwner} from './helpers/keyed-client.js';
import {loginPlain} from './helpers/raw-client.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

const STORED = /^STORED (\S+) (\d+) (\d+)$/;

test('STORED once kept, then the owner gets it first at login and the online sender DELIVERED', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob']});
	const alice = await loginOwner(host.port, 'alice');
	alice.send('SEND m1 bob :are you there?');
	const stored = STORED.exec(await alice.nextLine());
	assert.ok(stored, alice.lines.join(' | '));
	const [, ref, id, time] = stored;
	assert.equal(ref, 'm1');
	assert.equal(host.store.messages.size('bob', 'stored').messages, 1, 'durable before STORED');

	const bob = await loginOwner(host.port, 'bob');
	assert.equal(await bob.nextLine(), `MSG ${id} ${time} alice bob m1 stored :are you there?`);
	assert.equal(await alice.waitForLine(/^DELIVERED /), `DELIVERED m1 ${id} ${time}`);
	await waitUntil(() => host.store.messages.size('bob', 'stored').messages === 0);
});

test('a sender who went offline hears DELIVERED at its next login', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['alice', 'bob']});
	const alice = await loginOwner(host.port, 'alice');
	alice.send('SEND m1 bob :see you tomorrow');
	const [, , id, time] = STORED.exec(await alice.nextLine()) ?? [];
	alice.send('QUIT');
	await alice.closed;
	const bob = await loginOwner(host.port, 'bob');
	assert.match(await bob.nextLine(), / alice bob m1 stored :see you tomorrow$/);
	await waitUntil(() => host.store.receipts.owedTo('alice').length === 1);

	const back = await loginOwner(host.port, 'alice');
	assert.equal(await back.nextLine(), `DELIVERED m1 ${id} ${time}`);
	await waitUntil(() => host.store.receipts.owedTo('alice').length === 0);
});

test('stored messages come in order, each once, before anything new', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob']});
	const alice = await loginOwner(host.port, 'alice');
	for (const ref of ['s1', 's2', 's3']) alice.send(`SEND ${ref} bob :${ref}`);
	for (const ref of ['s1', 's2', 's3'])
		assert.match(await alice.nextLine(), new RegExp(`^STORED ${ref} `));

	const bob = await loginOwner(host.port, 'bob');
	alice.send('SEND live bob :live');
	const texts = [];
	for (let index = 0; index < 4; index++) texts.push(/ :(.*)$/.exec(await bob.nextLine())?.[1]);
	assert.deepEqual(texts, ['s1', 's2', 's3', 'live']);
	bob.send('QUIT');
	await bob.closed;
	await waitUntil(() => host.store.messages.size('bob', 'stored').messages === 0);

	const again = await loginOwner(host.port, 'bob');
	alice.send('SEND after bob :after');
	assert.match(await again.nextLine(), / alice bob after :after$/, 'nothing stored twice');
});

test('a plain sender is told the message waits; a name nobody owns still does not exist', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob']});
	const carol = await loginPlain(host.port, 'carol');
	carol.send('to:bob');
	carol.send('hello bob');
	assert.equal(
		await carol.nextLine(),
		'bob is offline: your message will be delivered when bob returns',
	);
	carol.send('to:nobody');
	assert.equal(await carol.nextLine(), 'the user nobody does not exist');

	const alice = await loginOwner(host.port, 'alice');
	alice.send('SEND m1 nobody :hi');
	assert.equal(await alice.nextLine(), 'FAILED m1 no-such-user :the user nobody does not exist');
	const bob = await loginOwner(host.port, 'bob');
	assert.match(await bob.nextLine(), /^MSG \d+ \d+ carol bob - stored :hello bob$/);
});

test('past --mailbox-size the sender gets FAILED mailbox-full', async (t) => {
	const host = await startStoreHost(t, storeDir(), {owned: ['bob'], maxStoredMessages: 2});
	const alice = await loginOwner(host.port, 'alice');
	for (const ref of ['m1', 'm2', 'm3']) alice.send(`SEND ${ref} bob :${ref}`);
	assert.match(await alice.nextLine(), /^STORED m1 /);
	assert.match(await alice.nextLine(), /^STORED m2 /);
	assert.match(await alice.nextLine(), /^FAILED m3 mailbox-full :bob already has 2 messages /);
});

test('a message older than --message-expiry is not handed on', async (t) => {
	let now = Date.parse('2026-11-01T12:00:00Z');
	const host = await startStoreHost(t, storeDir(), {
		owned: ['bob'],
		messageExpiryDays: 30,
		now: () => now,
	});
	const alice = await loginOwner(host.port, 'alice');
	alice.send('SEND old bob :old news');
	assert.match(await alice.nextLine(), /^STORED old /);
	now += 29 * 24 * 3600 * 1000;
	alice.send('SEND new bob :fresh');
	assert.match(await alice.nextLine(), /^STORED new /);
	now += 2 * 24 * 3600 * 1000;
	const bob = await loginOwner(host.port, 'bob');
	assert.match(await bob.nextLine(), / :fresh$/);
	alice.send('SEND live bob :live');
	assert.match(await bob.nextLine(), / :live$/, 'the expired one never came');
});

test('a store that fails answers FAILED for offline mail, once in the log, while live chat goes on', async (t) => {
	const dir = storeDir();
	// Room for the schema and little else: the first pages of stored text fill it.
	const host = await startStoreHost(t, dir, {owned: ['bob'], maxStoreBytes: 64 * 1024});
	const alice = await loginOwner(host.port, 'alice');
	const carol = await loginOwner(host.port, 'carol');
	await alice.waitForLine(/^JOIN carol$/);
	// A keyed login's JOIN is followed by its KEY line (docs/protocol.md "Identity").
	await alice.waitForLine(/^KEY carol /);
	const text = 'x'.repeat(4000);
	let failed: string | undefined;
	for (let index = 0; index < 200 && failed === undefined; index++) {
		alice.send(`SEND f${index} bob :${text}`);
		const line = await alice.nextLine();
		if (line.startsWith('FAILED')) failed = line;
		else assert.match(line, /^STORED /);
	}

	assert.match(failed ?? '', /^FAILED f\d+ store-full :the host's disk is full/);
	alice.send('SEND again bob :one more');
	assert.match(await alice.nextLine(), /^FAILED again store-full /);
	alice.send('SEND live carol :still here');
	assert.match(await carol.waitForLine(/^MSG/), / alice carol live :still here$/);
	assert.match(await alice.nextLine(), /^DELIVERED live /);
	assert.equal(
		host.log.filter((line) => line.startsWith('store: ')).length,
		1,
		host.log.join('\n'),
	);
});

test('across a restart on the same folder the stored messages are still there', async (t) => {
	const dir = storeDir();
	const first = await startStoreHost(t, dir, {owned: ['bob']});
	const alice = await loginOwner(first.port, 'alice');
	alice.send('SEND m1 bob :before the restart');
	const [, , id] = STORED.exec(await alice.nextLine()) ?? [];
	await first.stop();

	const second = await startStoreHost(t, dir);
	const bob = await loginOwner(second.port, 'bob');
	assert.match(
		await bob.nextLine(),
		new RegExp(`^MSG ${id} \\d+ alice bob m1 stored :before the restart$`),
	);
	const again = await loginOwner(second.port, 'alice');
	again.send('SEND m2 bob :after');
	assert.match(await bob.waitForLine(/^MSG/), / alice bob m2 :after$/);
	assert.ok(BigInt(/^MSG (\d+)/.exec(bob.lines.at(-1) ?? '')?.[1] ?? '0') > BigInt(id ?? '0'));
});

test('held messages for an away owner survive a restart and are handed on at its next login', async (t) => {
	const dir = storeDir();
	const first = await startStoreHost(t, dir, {owned: ['bob']});
	const alice = await aliceWithBobAway(first.port);
	alice.send('SEND h1 bob :held one');
	assert.match(await alice.nextLine(), /^HELD h1 /);
	assert.equal(first.store.messages.size('bob', 'held').messages, 1, 'durable before HELD');
	await first.stop();

	const second = await startStoreHost(t, dir);
	// A message sent during the outage to the owner who has not come back: kept, not "left".
	const back = await loginOwner(second.port, 'alice');
	back.send('SEND h2 bob :during the outage');
	assert.match(await back.nextLine(), /^STORED h2 /);
	const bobAgain = await loginOwner(second.port, 'bob');
	assert.match(await bobAgain.nextLine(), / alice bob h1 stored :held one$/);
	assert.match(await bobAgain.nextLine(), / alice bob h2 stored :during the outage$/);
});

test('a structured sender resending after a restart gets the same STORED, kept once', async (t) => {
	const dir = storeDir();
	const first = await startStoreHost(t, dir, {owned: ['bob']});
	const alice = await loginOwner(first.port, 'alice');
	alice.send('SEND r1 bob :once');
	const firstAnswer = await alice.nextLine();
	await first.stop();
	const second = await startStoreHost(t, dir);
	const again = await loginOwner(second.port, 'alice');
	again.send('SEND r1 bob :once');
	assert.equal(await again.nextLine(), firstAnswer);
	assert.equal(second.store.messages.size('bob', 'stored').messages, 1);
});

async function waitUntil(ready: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (Date.now() > deadline) throw new Error('the store never reached the state awaited');
		await new Promise((resolve) => setImmediate(resolve));
	}
}
