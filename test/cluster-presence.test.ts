// Structured users see the whole cluster's roster at login and JOIN/LEAVE/AWAY/BACK from every host
// (docs/cluster.md "Presence").

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startCluster, untilUsers} from './helpers/cluster.js';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

if (missing === undefined) {
	test('the roster at login holds the users of every host', async (t) => {
		const cluster = await startCluster(t, 3);
		await loginStructured(cluster.host(0).port, 'alice');
		await loginPlain(cluster.host(1).port, 'bob');
		await untilUsers(cluster.hosts, 2);
		const carol = await loginStructured(cluster.host(2).port, 'carol');
		assert.deepEqual(carol.roster.sort(), ['alice', 'bob', 'carol']);
	});

	test('JOIN, AWAY, BACK and LEAVE of a user on one host reach users on the others', async (t) => {
		const cluster = await startCluster(t, 3, {resumeGraceMs: 5000});
		const carol = await loginStructured(cluster.host(2).port, 'carol');
		await untilUsers(cluster.hosts, 1);
		const bob = await loginStructured(cluster.host(1).port, 'bob');
		await carol.waitForLine(/^JOIN bob$/);
		await untilUsers(cluster.hosts, 2);
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		assert.equal(await carol.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'JOIN alice');
		assert.equal(await bob.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'JOIN alice');
		alice.destroy();
		assert.equal(await carol.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'AWAY alice');
		assert.equal(await bob.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'AWAY alice');
		const back = await loginStructured(cluster.host(0).port, 'alice', ` resume=${alice.token}`);
		assert.deepEqual(back.roster.sort(), ['alice', 'bob', 'carol']);
		assert.equal(await carol.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'BACK alice');
		back.send('QUIT');
		assert.equal(await carol.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'LEAVE alice');
		assert.equal(await bob.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'BACK alice');
		assert.equal(await bob.waitForLine(/^(JOIN|LEAVE|AWAY|BACK) /), 'LEAVE alice');
	});
} else {
	test.skip(missing);
}
