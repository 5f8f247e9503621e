// Stored messages in a cluster are never lost or doubled on the way to their owner (docs/cluster.md
// "Stored messages"): a host killed with -9 between the login's take and the write loses none, nor
// the DELIVERED lines owed to the one logging in; a login that never wrote them hands them on at
// the resume, with DELIVERED to their senders; what was held for an away owner who never comes
// back, or whose host died, is stored for the owner; one stored just after the owner's login
// reaches it at once; a SEND resent on another host after a resume is stored once.

import assert from 'node:assert/strict';
import process from 'node:process';
import {test, type TestContext} from 'node:test';
import {TAKE_STORED} from '../source/host/cluster/mail-scripts.js';
import {RedisLink} from '../source/host/cluster/redis-link.js';
import {RedisNameOwners} from '../source/host/cluster/redis-name-owners.js';
import {RedisOfflineMail} from '../source/host/cluster/redis-offline-mail.js';
import {User} from '../source/host/relay/user.js';
import {TEST_HOST_TTL_MS, startCluster, until, type TestCluster} from './helpers/cluster.js';
import {startCollectableHost} from './helpers/collectable-host-process.js';
import {loginOwner} from './helpers/keyed-client.js';
import {redisMissing} from './helpers/redis-server.js';
import {startTcpProxy, type TcpProxy} from './helpers/tcp-proxy.js';

const missing = redisMissing();
const STORED = /^STORED (\S+) (\d+) (\d+)$/;
/** The lease, one refresh of the host that finds it dead, and room for a loaded machine. */
const GONE_WITHIN_MS = TEST_HOST_TTL_MS * 4;

/** A host child whose Redis connections go through a proxy the test can silence. */
async function hostBehindProxy(t: TestContext, cluster: TestCluster) {
	const proxy = await startTcpProxy(cluster.redis.port);
	t.after(async () => proxy.close());
	const host = await startCollectableHost({
		redis: `redis://127.0.0.1:${proxy.port}`,
		clusterHostTtlMs: TEST_HOST_TTL_MS,
		loginRate: 0,
		rate: 0,
	});
	t.after(async () => host.stop());
	return {host, proxy};
}

/** bob's name is bound to his key, and he is offline; alice, on host 0, stores two for him. */
async function twoStoredForBob(cluster: TestCluster) {
	const a = cluster.host(0);
	const first = await loginOwner(a.port, 'bob');
	first.send('QUIT');
	await first.closed;
	await until(() => a.stats().users === 0, 'bob to leave');
	const alice = await loginOwner(a.port, 'alice');
	alice.send('SEND m1 bob :one');
	alice.send('SEND m2 bob :two');
	const stored = [await alice.nextLine(), await alice.nextLine()].map((line) => STORED.exec(line));
	assert.ok(stored.every(Boolean), alice.lines.join(' | '));
	return {alice, ids: stored.map((match) => match?.[2] ?? '')};
}

/** `name` (bob) logs in on the host behind `proxy`, which never hears Redis's answer to its take. */
async function loginWhoseTakeIsLost(port: number, proxy: TcpProxy, name = 'bob') {
	const taken = proxy.waitForText('toHost', (text) => text.includes(TAKE_STORED));
	const bob = await loginOwner(port, name);
	await taken;
	// In the same tick as the take went out: Redis's answer comes later, to a silent proxy.
	proxy.goSilent('to-client');
	return bob;
}

if (missing === undefined) {
	test('a host killed with -9 after the owner took its stored messages loses none of them', async (t) => {
		const cluster = await startCluster(t, 1, {rate: 0});
		const {host: victim, proxy} = await hostBehindProxy(t, cluster);
		const {alice, ids} = await twoStoredForBob(cluster);
		const lost = await loginWhoseTakeIsLost(victim.port, proxy);
		process.kill(victim.pid, 'SIGKILL');
		await lost.closed;

		// Once the victim's lease runs out host 0 removes it, bob's claim with it, and bob logs in there.
		await until(
			() => cluster.host(0).logs.some((line) => / is gone \(its lease ran out\)/.test(line)),
			'host 0 to find the victim dead',
		);
		const bob = await loginOwner(cluster.host(0).port, 'bob');
		assert.match(
			await bob.nextLine(GONE_WITHIN_MS),
			new RegExp(`^MSG ${ids[0]} \\d+ alice bob m1 stored :one$`),
		);
		assert.match(await bob.nextLine(), new RegExp(`^MSG ${ids[1]} \\d+ alice bob m2 stored :two$`));
		assert.match(await alice.waitForLine(/^DELIVERED m1 /), new RegExp(`^DELIVERED m1 ${ids[0]} `));
		assert.match(await alice.waitForLine(/^DELIVERED m2 /), new RegExp(`^DELIVERED m2 ${ids[1]} `));
		alice.send('SEND live bob :live');
		assert.match(await bob.nextLine(), / alice bob live :live$/, 'each handed on once');
	});

	test('the DELIVERED lines owed to a sender survive a host killed with -9 after its login took them', async (t) => {
		const cluster = await startCluster(t, 1, {rate: 0});
		const {host: victim, proxy} = await hostBehindProxy(t, cluster);
		const a = cluster.host(0);
		const {alice, ids} = await twoStoredForBob(cluster);
		alice.send('QUIT');
		await alice.closed;
		const bob = await loginOwner(a.port, 'bob');
		await bob.waitForLine(/ m2 stored :two$/);
		await until(() => a.stats().users === 1, 'alice to leave');

		const lost = await loginWhoseTakeIsLost(victim.port, proxy, 'alice');
		process.kill(victim.pid, 'SIGKILL');
		await lost.closed;
		await until(
			() => a.logs.some((line) => / is gone \(its lease ran out\)/.test(line)),
			'host 0 to find the victim dead',
		);
		const back = await loginOwner(a.port, 'alice');
		assert.match(await back.nextLine(), new RegExp(`^DELIVERED m1 ${ids[0]} `));
		assert.match(await back.nextLine(), new RegExp(`^DELIVERED m2 ${ids[1]} `));
	});

	test('stored messages a login never wrote come first when its owner resumes on another host, and their senders hear DELIVERED', async (t) => {
		const cluster = await startCluster(t, 1, {rate: 0});
		const {host: silent, proxy} = await hostBehindProxy(t, cluster);
		const {alice, ids} = await twoStoredForBob(cluster);
		await until(() => cluster.host(0).stats().users === 1, 'alice alone');
		const away = await loginWhoseTakeIsLost(silent.port, proxy);
		await until(() => cluster.host(0).stats().users === 2, 'host 0 to know bob');
		away.destroy();

		const back = await loginOwner(cluster.host(0).port, 'bob', ` resume=${away.token}`);
		assert.match(
			await back.nextLine(),
			new RegExp(`^MSG ${ids[0]} \\d+ alice bob m1 stored :one$`),
		);
		assert.match(
			await back.nextLine(),
			new RegExp(`^MSG ${ids[1]} \\d+ alice bob m2 stored :two$`),
		);
		assert.match(await alice.waitForLine(/^DELIVERED m1 /), new RegExp(`^DELIVERED m1 ${ids[0]} `));
		assert.match(await alice.waitForLine(/^DELIVERED m2 /), new RegExp(`^DELIVERED m2 ${ids[1]} `));
		process.kill(silent.pid, 'SIGKILL');
	});

	test('what was held for an away owner who never comes back is stored for the owner', async (t) => {
		const cluster = await startCluster(t, 2, {rate: 0, resumeGraceMs: 500});
		const [a, b] = [cluster.host(0), cluster.host(1)];
		const alice = await loginOwner(a.port, 'alice');
		const carol = await loginOwner(b.port, 'carol');
		const bob = await loginOwner(b.port, 'bob');
		await until(() => a.stats().users === 3, 'host 0 to know everyone');
		bob.destroy();
		await alice.waitForLine(/^AWAY bob$/);
		alice.send('SEND m1 bob :from another host');
		carol.send('SEND c1 bob :from his host');
		assert.match(await alice.waitForLine(/^HELD m1 /), /^HELD m1 /);
		assert.match(await carol.waitForLine(/^HELD c1 /), /^HELD c1 /);

		const [, , id, time] = STORED.exec(await alice.waitForLine(/^(STORED|FAILED) m1 /)) ?? [];
		assert.ok(id, alice.lines.join(' | '));
		assert.match(await carol.waitForLine(/^(STORED|FAILED) c1 /), /^STORED c1 /);
		// alice's own host heard the STORED (it stamped m1): a resend is answered from its refs.
		alice.send('SEND m1 bob :from another host');
		assert.equal(await alice.waitForLine(/^(STORED|FAILED) m1 /), `STORED m1 ${id} ${time}`);
		const again = await loginOwner(a.port, 'bob');
		assert.equal(
			await again.nextLine(),
			`MSG ${id} ${time} alice bob m1 stored :from another host`,
		);
		assert.match(await again.nextLine(), / carol bob c1 stored :from his host$/);
		assert.match(await alice.waitForLine(/^DELIVERED m1 /), new RegExp(`^DELIVERED m1 ${id} `));
		assert.match(await carol.waitForLine(/^DELIVERED c1 /), /^DELIVERED c1 /);
	});

	test('what was held for an owner of a host killed with -9 is stored for the owner when the host is removed', async (t) => {
		const cluster = await startCluster(t, 1, {rate: 0});
		const victim = await startCollectableHost({
			redis: cluster.redis.url,
			clusterHostTtlMs: TEST_HOST_TTL_MS,
			loginRate: 0,
			rate: 0,
		});
		t.after(async () => victim.stop());
		const alice = await loginOwner(cluster.host(0).port, 'alice');
		const away = await loginOwner(victim.port, 'carol');
		await alice.waitForLine(/^JOIN carol$/);
		away.destroy();
		await alice.waitForLine(/^AWAY carol$/);
		alice.send('SEND m1 carol :while you were away');
		const [, id, time] = /^HELD m1 (\d+) (\d+)$/.exec(await alice.waitForLine(/^HELD m1 /)) ?? [];
		process.kill(victim.pid, 'SIGKILL');

		assert.equal(
			await alice.waitForLine(/^(STORED|FAILED) m1 /, GONE_WITHIN_MS),
			`STORED m1 ${id} ${time}`,
		);
		const carol = await loginOwner(cluster.host(0).port, 'carol');
		assert.equal(
			await carol.nextLine(),
			`MSG ${id} ${time} alice carol m1 stored :while you were away`,
		);
		assert.equal(await alice.waitForLine(/^DELIVERED m1 /), `DELIVERED m1 ${id} ${time}`);
	});

	test("a message stored after the owner logged in (its sender's host had not heard yet) reaches it at once", async (t) => {
		const cluster = await startCluster(t, 1, {rate: 0});
		const bob = await loginOwner(cluster.host(0).port, 'bob');
		// A sender's host that does not know bob is online: it stores, as for an offline owner.
		const link = new RedisLink(cluster.redis.url, () => {});
		await link.connect({back() {}, lost() {}});
		t.after(async () => link.close());
		const unaware = new RedisOfflineMail({
			self: 'hUnaware',
			link,
			owners: new RedisNameOwners(link),
			users: {find: () => undefined},
			limits: {messages: 10, bytes: 100_000},
			expiryDays: 30,
			now: Date.now,
			log() {},
		});
		const sender = new User('alice', 'alice', 'structured');
		const message = {sender, recipient: 'bob', recipientKey: 'bob', text: 'just now'};
		const outcome = await unaware.keep({...message, id: '42', time: Date.now(), ref: 'r1'});
		assert.equal(outcome.kind, 'stored');
		assert.match(await bob.nextLine(), /^MSG 42 \d+ alice bob r1 stored :just now$/);
		// Written to bob's socket, it leaves Redis.
		for (let tries = 0; (await link.commands.exists('chat:handing:bob')) === 1; tries++) {
			assert.ok(tries < 500, 'the entry to leave Redis once written');
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	});

	test('a SEND resent on another host after a resume is stored once, with its first id', async (t) => {
		const cluster = await startCluster(t, 2, {rate: 0});
		const [a, b] = [cluster.host(0), cluster.host(1)];
		const first = await loginOwner(a.port, 'bob');
		first.send('QUIT');
		await first.closed;
		const alice = await loginOwner(a.port, 'alice');
		await until(() => b.stats().users === 1, 'host 1 to know alice');
		alice.send('SEND r1 bob :only once');
		const [, , id, time] = STORED.exec(await alice.nextLine()) ?? [];
		assert.ok(id, alice.lines.join(' | '));
		alice.destroy();

		// Its client never saw the answer, so it resends on the host it resumes on.
		const resumed = await loginOwner(b.port, 'alice', ` resume=${alice.token}`);
		resumed.send('SEND r1 bob :only once');
		assert.equal(await resumed.waitForLine(/^(STORED|FAILED) r1 /), `STORED r1 ${id} ${time}`);
		resumed.send('SEND r2 bob :next');
		assert.match(await resumed.waitForLine(/^STORED r2 /), /^STORED r2 /);
		const bob = await loginOwner(a.port, 'bob');
		assert.match(await bob.nextLine(), / alice bob r1 stored :only once$/);
		assert.match(await bob.nextLine(), / alice bob r2 stored :next$/, 'r1 once');
	});
} else {
	test.skip(missing);
}
