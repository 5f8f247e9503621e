// Held messages and resume across hosts (docs/cluster.md "Held messages", "Resume"): a user who
// comes back on another host gets what was held for them there, and a client whose host died
// resumes on another host of the cluster.

import assert from 'node:assert/strict';
import process from 'node:process';
import {test, type TestContext} from 'node:test';
import {startCluster, until, untilUsers} from './helpers/cluster.js';
import {startCollectableHost} from './helpers/collectable-host-process.js';
import {loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

/** Long enough that the resume below comes before the dead host is found. */
const SLOW_LEASE_MS = 4000;

/** alice on host 0 and bob on host 1; bob's socket dies, and alice's SENDs (`REF TO [OPTIONS]
 * :TEXT`) are each answered HELD. */
async function heldForAwayBob(t: TestContext, sends: string[]) {
	const cluster = await startCluster(t, 2, {resumeGraceMs: 10_000});
	const alice = await loginStructured(cluster.host(0).port, 'alice');
	const bob = await loginStructured(cluster.host(1).port, 'bob');
	await untilUsers(cluster.hosts, 2);
	bob.destroy();
	await alice.waitForLine(/^AWAY bob$/);
	for (const send of sends) alice.send(`SEND ${send}`);
	for (const send of sends) {
		const ref = send.split(' ')[0] ?? '';
		assert.match(await alice.waitForLine(new RegExp(`^(HELD|FAILED) ${ref} `)), /^HELD /);
	}
	return {cluster, alice, bob};
}

if (missing === undefined) {
	test('messages held for an away user are delivered on the host they come back to', async (t) => {
		const {cluster, alice, bob} = await heldForAwayBob(t, ['m1 bob :one', 'm2 bob :two']);
		// bob comes back on alice's host, not his own.
		const back = await loginStructured(cluster.host(0).port, 'bob', ` resume=${bob.token}`);
		assert.match(await back.waitForLine(/^MSG /), / alice bob m1 :one$/);
		assert.match(await back.waitForLine(/^MSG /), / alice bob m2 :two$/);
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) m1 /), /^DELIVERED m1 /);
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) m2 /), /^DELIVERED m2 /);
		assert.ok(alice.lines.includes('BACK bob'));
		assert.ok(!alice.lines.includes('LEAVE bob'));
		// He is host 0's now: a message reaches him there, and his old host let the name go.
		alice.send('SEND m3 bob :three');
		assert.match(await back.waitForLine(/^MSG /), / alice bob m3 :three$/);
		const carol = await loginStructured(cluster.host(1).port, 'carol');
		carol.send('SEND c1 bob :from his old host');
		assert.match(await back.waitForLine(/^MSG /), / carol bob c1 :from his old host$/);
		assert.match(await carol.waitForLine(/^(DELIVERED|FAILED) c1 /), /^DELIVERED c1 /);
	});

	test('held parts and actions reach the user on the host they come back to with their options', async (t) => {
		const {cluster, bob} = await heldForAwayBob(t, [
			'p1 bob kind=action more=1 :waves',
			'p2 bob kind=action :and smiles',
		]);
		const back = await loginStructured(cluster.host(0).port, 'bob', ` resume=${bob.token}`);
		assert.match(await back.waitForLine(/^MSG /), / alice bob p1 kind=action more=1 :waves$/);
		assert.match(await back.waitForLine(/^MSG /), / alice bob p2 kind=action :and smiles$/);
	});

	test('a user whose host was killed resumes on another host with their token', async (t) => {
		const cluster = await startCluster(t, 1, {clusterHostTtlMs: SLOW_LEASE_MS});
		const victim = await startCollectableHost({
			redis: cluster.redis.url,
			clusterHostTtlMs: SLOW_LEASE_MS,
			loginRate: 0,
		});
		t.after(() => victim.stop());
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		const carol = await loginStructured(victim.port, 'carol');
		await untilUsers(cluster.hosts, 2);
		process.kill(victim.pid, 'SIGKILL');
		await carol.closed;
		const resumed = await loginStructured(cluster.host(0).port, 'carol', ` resume=${carol.token}`);
		assert.deepEqual(resumed.roster.sort(), ['alice', 'carol']);
		alice.send('SEND a1 carol :found you');
		assert.match(await resumed.waitForLine(/^MSG /), / alice carol a1 :found you$/);
		// The dead host is removed in time; carol stays, on her new host.
		const watcher = await loginStructured(cluster.host(0).port, 'watcher');
		assert.ok(watcher.roster.includes('carol'));
		await until(
			() => cluster.host(0).logs.some((line) => /^cluster: host \S+ is gone/.test(line)),
			'the killed host to be removed',
		);
		assert.ok(!alice.lines.includes('LEAVE carol'), alice.lines.join(' | '));
		assert.equal(cluster.host(0).stats().users, 3);
	});
} else {
	test.skip(missing);
}
