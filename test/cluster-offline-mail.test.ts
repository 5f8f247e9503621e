// Messages for offline owners in a cluster (docs/cluster.md "Stored messages"): STORED once Redis
// has it, handed on first wherever the owner logs in, once and with its original time, and its
// sender hears DELIVERED on its own host, or at its next login; mailbox limits and a Redis that is
// away answer FAILED at once.

import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import {RedisLink} from '../source/host/cluster/redis-link.js';
import {RedisNameOwners} from '../source/host/cluster/redis-name-owners.js';
import type {HostOptions} from '../source/host/host-options.js';
import {nameKey} from '../source/protocol/name-key.js';
import {startCluster, until, type TestCluster} from './helpers/cluster.js';
import {loginKeyed, loginOwner, ownerKey, rawPublicKey, testKey} from './helpers/keyed-client.js';
import {loginPlain} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();
const STORED = /^STORED (\S+) (\d+) (\d+)$/;

/** A cluster of `count` hosts whose Redis has `owned` bound to keys (their test owners' keys). */
async function clusterOwning(
	t: TestContext,
	count: number,
	owned: readonly string[],
	options: HostOptions = {},
): Promise<{cluster: TestCluster; link: RedisLink}> {
	const cluster = await startCluster(t, count, options);
	const link = new RedisLink(cluster.redis.url, () => {});
	await link.connect({back() {}, lost() {}});
	t.after(async () => link.close());
	const owners = new RedisNameOwners(link);
	for (const name of owned) {
		const claim = {
			nameKey: nameKey(name),
			name,
			publicKey: rawPublicKey(ownerKey(name)),
			nowMs: Date.now(),
		};
		assert.equal((await owners.bind(claim)).bound, true);
	}

	return {cluster, link};
}

if (missing === undefined) {
	test('stored from host A, taken first on host B with its time, once; DELIVERED on host A', async (t) => {
		const {cluster, link} = await clusterOwning(t, 2, ['bob']);
		const [a, b] = [cluster.host(0), cluster.host(1)];
		const alice = await loginOwner(a.port, 'alice');
		alice.send('SEND m1 bob :are you there?');
		alice.send('SEND m2 bob :second');
		const [, ref, id, time] = STORED.exec(await alice.nextLine()) ?? [];
		assert.equal(ref, 'm1', alice.lines.join(' | '));
		assert.match(await alice.nextLine(), /^STORED m2 /);
		assert.equal(await link.commands.lLen('chat:stored:bob'), 2, 'in Redis before STORED');

		const bob = await loginOwner(b.port, 'bob');
		assert.equal(await bob.nextLine(), `MSG ${id} ${time} alice bob m1 stored :are you there?`);
		assert.match(await bob.nextLine(), / alice bob m2 stored :second$/);
		assert.equal(await alice.waitForLine(/^DELIVERED m1 /), `DELIVERED m1 ${id} ${time}`);
		assert.match(await alice.waitForLine(/^DELIVERED m2 /), /^DELIVERED m2 /);
		assert.equal(await link.commands.exists('chat:stored:bob'), 0);

		alice.send('SEND live bob :live');
		assert.match(await bob.waitForLine(/^MSG /), / alice bob live :live$/);
		bob.send('QUIT');
		await bob.closed;
		await until(() => a.stats().users === 1, 'host A to see bob leave');
		const again = await loginOwner(a.port, 'bob');
		alice.send('SEND after bob :after');
		assert.match(await again.nextLine(), / alice bob after :after$/, 'nothing handed on twice');
	});

	test('a sender who logged out hears DELIVERED at its next login, on another host', async (t) => {
		const {cluster, link} = await clusterOwning(t, 3, ['bob']);
		const alice = await loginOwner(cluster.host(0).port, 'alice');
		alice.send('SEND m1 bob :see you tomorrow');
		const [, , id, time] = STORED.exec(await alice.nextLine()) ?? [];
		alice.send('QUIT');
		await alice.closed;
		await until(() => cluster.hosts.every((host) => host.stats().users === 0), 'alice gone');

		const bob = await loginOwner(cluster.host(1).port, 'bob');
		assert.match(await bob.nextLine(), / alice bob m1 stored :see you tomorrow$/);
		const owed = async () => link.commands.lLen('chat:receipts:alice');
		for (let tries = 0; (await owed()) === 0; tries++) {
			assert.ok(tries < 500, 'the receipt to be kept in Redis');
			await new Promise((resolve) => setTimeout(resolve, 10));
		}

		const back = await loginOwner(cluster.host(2).port, 'alice');
		assert.equal(await back.nextLine(), `DELIVERED m1 ${id} ${time}`);
	});

	test('a plain sender is told it waits, and past --mailbox-size the sender gets mailbox-full', async (t) => {
		const {cluster} = await clusterOwning(t, 2, ['bob'], {maxStoredMessages: 2});
		const carol = await loginPlain(cluster.host(0).port, 'carol');
		// In one chunk: the text must wait for the answer about bob, which comes from Redis.
		carol.sendRaw('to:bob\nhello bob\n');
		assert.equal(
			await carol.nextLine(),
			'bob is offline: your message will be delivered when bob returns',
		);
		const alice = await loginOwner(cluster.host(1).port, 'alice');
		for (const ref of ['m2', 'm3']) alice.send(`SEND ${ref} bob :${ref}`);
		assert.match(await alice.nextLine(), /^STORED m2 /);
		assert.match(await alice.nextLine(), /^FAILED m3 mailbox-full :bob already has 2 messages /);
		alice.send('SEND m4 nobody :hi');
		assert.equal(await alice.nextLine(), 'FAILED m4 no-such-user :the user nobody does not exist');
	});

	test('past --mailbox-bytes the sender gets mailbox-full', async (t) => {
		const {cluster} = await clusterOwning(t, 1, ['bob'], {maxStoredBytes: 2048});
		const alice = await loginOwner(cluster.host(0).port, 'alice');
		alice.send(`SEND m1 bob :${'x'.repeat(1000)}`);
		alice.send(`SEND m2 bob :${'y'.repeat(1000)}`);
		assert.match(await alice.nextLine(), /^STORED m1 /);
		assert.match(await alice.nextLine(), /^FAILED m2 mailbox-full :bob already has 2 KiB /);
	});

	test('a message older than --message-expiry is not handed on', async (t) => {
		let now = Date.parse('2026-11-01T12:00:00Z');
		const {cluster} = await clusterOwning(t, 2, ['bob'], {
			messageExpiryDays: 30,
			now: () => now,
		});
		const alice = await loginOwner(cluster.host(0).port, 'alice');
		alice.send('SEND old bob :old news');
		assert.match(await alice.nextLine(), /^STORED old /);
		now += 29 * 24 * 3600 * 1000;
		alice.send('SEND new bob :fresh');
		assert.match(await alice.nextLine(), /^STORED new /);
		now += 2 * 24 * 3600 * 1000;
		const bob = await loginOwner(cluster.host(1).port, 'bob');
		assert.match(await bob.nextLine(), / :fresh$/);
		alice.send('SEND live bob :live');
		assert.match(await bob.waitForLine(/^MSG /), / :live$/, 'the expired one never came');
	});

	test('stored parts and actions keep their options', async (t) => {
		const {cluster} = await clusterOwning(t, 2, ['bob']);
		const alice = await loginOwner(cluster.host(0).port, 'alice');
		const sends = [
			'SEND a.1 bob kind=action more=1 :waves',
			'SEND a.2 bob kind=action :and smiles',
			'SEND b.1 bob more=2 :first line',
			'SEND b.2 bob more=0 :second line, cut',
			'SEND b.3 bob : here',
		];
		for (const line of sends) alice.send(line);
		for (const line of sends) {
			const ref = line.split(' ')[1] ?? '';
			assert.match(await alice.nextLine(), new RegExp(`^STORED ${ref} `));
		}

		const bob = await loginOwner(cluster.host(1).port, 'bob');
		const parts = [];
		while (parts.length < sends.length) {
			parts.push(/ alice bob (.*)$/.exec(await bob.waitForLine(/^MSG /))?.[1]);
		}

		assert.deepEqual(parts, [
			'a.1 stored kind=action more=1 :waves',
			'a.2 stored kind=action :and smiles',
			'b.1 stored more=2 :first line',
			'b.2 stored more=0 :second line, cut',
			'b.3 stored : here',
		]);
		alice.send('SEND d.1 bob more=1 :live');
		assert.match(await bob.waitForLine(/^MSG /), / alice bob d.1 more=1 :live$/);
	});

	test('Redis away: a message for an offline owner fails at once with unreachable', async (t) => {
		const {cluster} = await clusterOwning(t, 2, ['bob']);
		const a = cluster.host(0);
		const alice = await loginOwner(a.port, 'alice');
		const carol = await loginPlain(a.port, 'carol');
		await cluster.redis.shutDown();
		await until(
			() => a.logs.some((line) => line.startsWith('redis unreachable')),
			'host A to log that Redis went away',
		);
		const sent = Date.now();
		alice.send('SEND m1 bob :anyone?');
		assert.match(
			await alice.waitForLine(/^(STORED|FAILED) m1 /),
			/^FAILED m1 unreachable :bob is offline, and the cluster's Redis /,
		);
		assert.ok(Date.now() - sent < 2000, 'at once, not after a timeout');
		carol.send('to:bob');
		carol.send('hello?');
		assert.match(await carol.nextLine(), /^Your message to bob was not kept: bob is offline, and /);
	});

	test('a released name takes its stored messages with it: its next owner does not read them', async (t) => {
		const {cluster, link} = await clusterOwning(t, 2, ['bob']);
		const alice = await loginOwner(cluster.host(0).port, 'alice');
		alice.send('SEND m1 bob :for the bob who owned the name');
		assert.match(await alice.nextLine(), /^STORED m1 /);
		// As the name expiry (--name-expiry) or chat names release frees it.
		const released = await new RedisNameOwners(link).release(nameKey('bob'));
		assert.equal(released?.name, 'bob');
		assert.deepEqual(await link.commands.keys('chat:stored*'), []);

		const newBob = await loginKeyed(cluster.host(1).port, 'bob', testKey());
		// Once alice's host knows the new bob is online, m2 goes to him live, not stored.
		await alice.waitForLine(/^JOIN bob$/);
		alice.send('SEND m2 bob :for the new bob');
		assert.match(await newBob.nextLine(), / alice bob m2 :for the new bob$/);
		assert.ok(
			!newBob.lines.some((line) => line.includes('who owned the name')),
			newBob.lines.join(' | '),
		);
	});
} else {
	test.skip(missing);
}
