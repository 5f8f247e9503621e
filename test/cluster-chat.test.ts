// Users on different hosts of one cluster chat as if on one host, on both faces
// (docs/cluster.md "Routing").

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startCluster, untilUsers} from './helpers/cluster.js';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

if (missing === undefined) {
	test('structured SEND reaches a user on another host, and DELIVERED comes back', async (t) => {
		const cluster = await startCluster(t, 2);
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		const bob = await loginStructured(cluster.host(1).port, 'bob');
		assert.deepEqual(bob.roster.sort(), ['alice', 'bob']);
		await alice.waitForLine(/^JOIN bob$/);
		alice.send('SEND m1 bob :hello across');
		const msg = await bob.waitForLine(/^MSG /);
		const match = /^MSG (\d+) (\d+) alice bob m1 :hello across$/.exec(msg);
		assert.ok(match, msg);
		assert.equal(
			await alice.waitForLine(/^(DELIVERED|FAILED) /),
			`DELIVERED m1 ${match[1]} ${match[2]}`,
		);
		// A resent SEND is answered again, never relayed twice.
		alice.send('SEND m1 bob :hello across');
		assert.equal(await alice.waitForLine(/^DELIVERED /), `DELIVERED m1 ${match[1]} ${match[2]}`);
		bob.send('SEND r1 Alice :and back');
		assert.match(await alice.waitForLine(/^MSG /), /^MSG \d+ \d+ bob alice r1 :and back$/);
		assert.match(await bob.waitForLine(/^(DELIVERED|FAILED) /), /^DELIVERED r1 /);
	});

	test('messages keep their order per sender and recipient across hosts', async (t) => {
		const cluster = await startCluster(t, 2, {rate: 0});
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		const bob = await loginStructured(cluster.host(1).port, 'bob');
		await alice.waitForLine(/^JOIN bob$/);
		const count = 500;
		for (let index = 0; index < count; index++) alice.send(`SEND m${index} bob :${index}`);
		for (let index = 0; index < count; index++) {
			assert.match(await bob.waitForLine(/^MSG /), new RegExp(` m${index} :${index}$`));
		}

		for (let index = 0; index < count; index++) {
			assert.match(
				await alice.waitForLine(/^(DELIVERED|FAILED) /),
				new RegExp(`^DELIVERED m${index} `),
			);
		}
	});

	test('plain users on two hosts: to:NAME, and a reply follows the latest sender', async (t) => {
		const cluster = await startCluster(t, 3);
		const alice = await loginPlain(cluster.host(0).port, 'alice');
		const bob = await loginPlain(cluster.host(1).port, 'bob');
		const carol = await loginPlain(cluster.host(2).port, 'carol');
		await untilUsers(cluster.hosts, 3);
		alice.send('to:BOB');
		alice.send('hi bob');
		assert.match(await bob.nextLine(), /^\[.{24}\] alice: hi bob$/);
		// Choosing bob made alice bob's partner, on bob's host.
		bob.send('hi alice');
		assert.match(await alice.nextLine(), /^\[.{24}\] bob: hi alice$/);
		carol.send('to:bob');
		carol.send('carol here');
		assert.match(await bob.nextLine(), /^\[.{24}\] carol: carol here$/);
		// bob follows the latest sender: carol, on a third host.
		bob.send('hi carol');
		assert.match(await carol.nextLine(), /^\[.{24}\] bob: hi carol$/);
		alice.send('to:dave');
		assert.equal(await alice.nextLine(), 'the user dave does not exist');
	});

	test('a structured user and a plain user on different hosts see each other in their own form', async (t) => {
		const cluster = await startCluster(t, 2);
		const bob = await loginStructured(cluster.host(0).port, 'bob');
		const alice = await loginPlain(cluster.host(1).port, 'alice');
		await bob.waitForLine(/^JOIN alice$/);
		await untilUsers(cluster.hosts, 2);
		alice.send('to:bob');
		alice.send('from netcat');
		assert.match(await bob.waitForLine(/^MSG /), /^MSG \d+ \d+ alice bob - :from netcat$/);
		bob.send('SEND b1 alice :from the client');
		assert.match(await alice.nextLine(), /^\[.{24}\] bob: from the client$/);
		assert.match(await bob.waitForLine(/^(DELIVERED|FAILED) /), /^DELIVERED b1 /);
	});

	test('a message for someone who left another host fails with user-left or no-such-user', async (t) => {
		const cluster = await startCluster(t, 2);
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		const bob = await loginStructured(cluster.host(1).port, 'bob');
		await alice.waitForLine(/^JOIN bob$/);
		bob.send('QUIT');
		await alice.waitForLine(/^LEAVE bob$/);
		alice.send('SEND m1 bob :too late');
		assert.match(await alice.waitForLine(/^FAILED /), /^FAILED m1 no-such-user :/);
	});
} else {
	test.skip(missing);
}
