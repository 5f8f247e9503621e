// A name is one user's in the whole cluster (docs/cluster.md "Names"): claimed atomically in Redis,
// whatever host each login comes to, and compared by its look-alike key as on one host.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startCluster, untilUsers} from './helpers/cluster.js';
import {connectRaw, loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

if (missing === undefined) {
	test('30 logins of one name racing over 3 hosts: exactly one gets in', async (t) => {
		const cluster = await startCluster(t, 3);
		const logins = 30;
		const clients = await Promise.all(
			Array.from({length: logins}, async (_, index) => connectRaw(cluster.host(index % 3).port)),
		);
		// Every first line leaves at once; half plain, half structured, spelled in other cases.
		clients.forEach((client, index) => {
			client.send(index % 2 === 0 ? `HELLO 1 ${index % 4 === 0 ? 'Racer' : 'racer'}` : 'RACER');
		});
		const answers = await Promise.all(clients.map(async (client) => client.nextLine()));
		const welcomed = answers.filter((line) => line.startsWith('WELCOME ') || line === 'Welcome!');
		assert.equal(welcomed.length, 1, answers.join(' | '));
		for (const line of answers) {
			if (line.startsWith('WELCOME ') || line === 'Welcome!') continue;
			assert.match(line, /^(REFUSED name-taken :|Reuse$)/);
		}

		await untilUsers(cluster.hosts, 1);
		for (const client of clients) client.destroy();
	});

	test('a look-alike or another case of a name online on another host is taken', async (t) => {
		const cluster = await startCluster(t, 2);
		await loginStructured(cluster.host(0).port, 'alice');
		await untilUsers(cluster.hosts, 1);
		for (const name of ['Alice', 'ꓮꓡꓲꓚꓰ', 'ＡＬＩＣＥ']) {
			const client = await connectRaw(cluster.host(1).port);
			client.send(`HELLO 1 ${name}`);
			assert.match(await client.nextLine(), /^REFUSED name-taken :/);
			const plain = await connectRaw(cluster.host(1).port);
			plain.send(name);
			assert.equal(await plain.nextLine(), 'Reuse');
		}
	});

	test('a name is free on every host once its user quits', async (t) => {
		const cluster = await startCluster(t, 2);
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		await untilUsers(cluster.hosts, 1);
		alice.send('QUIT');
		await alice.closed;
		await untilUsers(cluster.hosts, 0);
		const again = await loginStructured(cluster.host(1).port, 'alice');
		assert.deepEqual(again.roster, ['alice']);
	});
} else {
	test.skip(missing);
}
