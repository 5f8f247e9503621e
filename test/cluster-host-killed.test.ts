// A host killed with -9 (docs/cluster.md "A host is killed"): within the lease its users leave
// every other host's roster and their names are free, messages in flight to them fail, and users
// on the other hosts go on chatting.

import assert from 'node:assert/strict';
import process from 'node:process';
import {test} from 'node:test';
import {TEST_HOST_TTL_MS, startCluster, until, untilUsers} from './helpers/cluster.js';
import {startCollectableHost} from './helpers/collectable-host-process.js';
import {loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

/** The lease, one refresh of the host that finds it dead, and room for a loaded machine. */
const GONE_WITHIN_MS = TEST_HOST_TTL_MS * 4;

if (missing === undefined) {
	test('a host killed with -9: its users leave, names free, messages to them fail, the rest chat on', async (t) => {
		const cluster = await startCluster(t, 2, {rate: 0});
		const victim = await startCollectableHost({
			redis: cluster.redis.url,
			clusterHostTtlMs: TEST_HOST_TTL_MS,
			loginRate: 0,
			rate: 0,
		});
		t.after(() => victim.stop());
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		const bob = await loginStructured(cluster.host(1).port, 'bob');
		const carol = await loginStructured(victim.port, 'carol');
		await untilUsers(cluster.hosts, 3);
		await alice.waitForLine(/^JOIN carol$/);

		const sent = 200;
		for (let index = 0; index < sent; index++) alice.send(`SEND c${index} carol :${index}`);
		// Some of these reach carol first; the rest are in flight when her host dies.
		await carol.waitForLine(/^MSG /);
		process.kill(victim.pid, 'SIGKILL');
		const killedAt = Date.now();

		assert.equal(await alice.waitForLine(/^LEAVE carol$/, GONE_WITHIN_MS), 'LEAVE carol');
		assert.equal(await bob.waitForLine(/^LEAVE carol$/, GONE_WITHIN_MS), 'LEAVE carol');
		assert.ok(Date.now() - killedAt < GONE_WITHIN_MS);
		await untilUsers(cluster.hosts, 2);

		// Every SEND got exactly one result: delivered before the kill, or failed with a reason.
		const results = new Map<string, string>();
		await until(() => {
			for (const line of alice.lines) {
				const match = /^(DELIVERED|FAILED) (c\d+)/.exec(line);
				if (match) {
					assert.ok(!results.has(match[2] ?? '') || results.get(match[2] ?? '') === line, line);
					results.set(match[2] ?? '', line);
				}
			}

			return results.size === sent;
		}, `a result for each of ${sent} messages to carol`);
		const failed = [...results.values()].filter((line) => line.startsWith('FAILED'));
		assert.ok(failed.length > 0, 'some messages were in flight');
		// In flight: user-left or unreachable; sent after her LEAVE: no-such-user.
		for (const line of failed) {
			assert.match(line, /^FAILED c\d+ (user-left|unreachable|no-such-user) :\S/);
		}

		// The others chat on, and carol's name is free.
		alice.send('SEND a1 bob :still here');
		assert.match(await bob.waitForLine(/^MSG /), / alice bob a1 :still here$/);
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) a1 /), /^DELIVERED a1 /);
		const again = await loginStructured(cluster.host(1).port, 'carol');
		assert.deepEqual(again.roster.sort(), ['alice', 'bob', 'carol']);
	});
} else {
	test.skip(missing);
}
