// Name owners in Redis (relay/name-owners.ts, issue 9): a first use binds a name to one key for
// every host, two hosts binding at once never both win, and the owner is known wherever asked.

import assert from 'node:assert/strict';
import {generateKeyPairSync} from 'node:crypto';
import {test} from 'node:test';
import {RedisLink} from '../source/host/cluster/redis-link.js';
import {RedisNameOwners} from '../source/host/cluster/redis-name-owners.js';
import {redisMissing, startRedis} from './helpers/redis-server.js';

const missing = redisMissing();

function publicKey(): Buffer {
	const {publicKey: key} = generateKeyPairSync('ed25519');
	return key.export({format: 'der', type: 'spki'}).subarray(-32);
}

async function connected(url: string): Promise<RedisLink> {
	const link = new RedisLink(url, () => {});
	await link.connect({back() {}, lost() {}});
	return link;
}

if (missing === undefined) {
	test('owners bound on one host are known on another, and the first binding wins', async (t) => {
		const redis = await startRedis();
		const [one, two] = [await connected(redis.url), await connected(redis.url)];
		t.after(async () => {
			await one.close();
			await two.close();
			await redis.stop();
		});
		const here = new RedisNameOwners(one);
		const there = new RedisNameOwners(two);
		const [aliceKey, malloryKey] = [publicKey(), publicKey()];
		const aliceClaim = {nameKey: 'alice', name: 'Alice', publicKey: aliceKey, nowMs: 1000};
		const malloryClaim = {nameKey: 'alice', name: 'alice', publicKey: malloryKey, nowMs: 1000};
		const results = await Promise.all([here.bind(aliceClaim), there.bind(malloryClaim)]);
		assert.equal(results.filter((result) => result.bound).length, 1);
		const owner = await there.ownerOf('alice');
		assert.ok(owner);
		assert.ok(results.every((result) => result.owner.publicKey.equals(owner.publicKey)));
		assert.equal((await here.bind({...aliceClaim, publicKey: owner.publicKey})).bound, true);

		here.touch('alice', 5000);
		here.touch('alice', 2000);
		assert.equal(await there.ownerOf('nobody'), undefined);
		// One connection runs its commands in order: the touches are done when this answers.
		assert.equal((await here.ownerOf('alice'))?.lastSeen, 5000);
		assert.deepEqual(
			(await here.list()).map((each) => [each.nameKey, each.firstSeen, each.lastSeen]),
			[['alice', 1000, 5000]],
		);
		assert.ok((await there.release('alice'))?.publicKey.equals(owner.publicKey));
		assert.equal(await here.ownerOf('alice'), undefined);
		assert.equal((await here.bind(malloryClaim)).bound, true);
	});
} else {
	test.skip(missing);
}
