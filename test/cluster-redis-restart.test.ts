// Redis stopped and started again while users chat (docs/cluster.md "Redis goes away"): each host
// relays between its own users meanwhile, a send that needs Redis fails at once with its reason,
// and once Redis is back every host is registered again and its subscriptions work again; with
// the append-only file nothing acknowledged is lost.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startCluster, until, untilUsers} from './helpers/cluster.js';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

if (missing === undefined) {
	test('Redis restarts while users chat: local chat goes on, remote sends fail, then all comes back', async (t) => {
		const cluster = await startCluster(t, 2, {resumeGraceMs: 30_000});
		const [a, b] = [cluster.host(0), cluster.host(1)];
		const alice = await loginStructured(a.port, 'alice');
		const dave = await loginStructured(a.port, 'dave');
		const bob = await loginStructured(b.port, 'bob');
		const away = await loginStructured(b.port, 'erin');
		const hank = await loginPlain(a.port, 'hank');
		await untilUsers(cluster.hosts, 5);
		hank.send('to:bob');
		await alice.waitForLine(/^JOIN erin$/);
		// erin drops; what alice sends her now is held in Redis, and the AOF keeps it.
		away.destroy();
		await alice.waitForLine(/^AWAY erin$/);
		alice.send('SEND h1 erin :kept through the restart');
		assert.match(await alice.waitForLine(/^(HELD|FAILED) h1 /), /^HELD h1 /);

		await cluster.redis.shutDown();
		await until(
			() =>
				cluster.hosts.every((host) =>
					host.logs.some((line) => line.startsWith('redis unreachable')),
				),
			'both hosts to log that Redis went away',
		);
		assert.equal(a.logs.filter((line) => line.startsWith('redis unreachable')).length, 1);

		alice.send('SEND l1 dave :same host');
		assert.match(await dave.waitForLine(/^MSG /), / alice dave l1 :same host$/);
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) l1 /), /^DELIVERED l1 /);
		alice.send('SEND r1 bob :other host');
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) r1 /), /^FAILED r1 unreachable :\S/);
		// A login cannot claim a name cluster-wide meanwhile: refused with a reason, never left waiting.
		const late = await connectRaw(a.port);
		late.send('HELLO 1 gina');
		assert.match(await late.nextLine(), /^REFUSED unavailable :\S/);
		const plain = await connectRaw(b.port);
		plain.send('gina');
		assert.match(await plain.nextLine(), /^Login refused: \S/);
		// A plain sender hears it in the plain form.
		hank.send('are you there?');
		assert.equal(
			await hank.nextLine(),
			"bob's host cannot be reached now: 1 of your messages were not delivered",
		);

		await cluster.redis.restart();
		await until(
			() =>
				cluster.hosts.every((host) => host.logs.some((line) => line.startsWith('redis is back'))),
			'both hosts to log that Redis is back',
		);

		// The subscriptions came back: messages and presence cross hosts again.
		await until(() => {
			alice.send(`SEND p${alice.lines.length} bob :after the restart`);
			return bob.lines.some((line) => line.endsWith(':after the restart'));
		}, 'a message from alice to reach bob after the restart');
		const frank = await loginStructured(b.port, 'frank');
		assert.equal(await alice.waitForLine(/^JOIN frank$/), 'JOIN frank');
		assert.ok(frank.roster.includes('alice'));
		bob.send('SEND b1 alice :hello again');
		assert.match(await alice.waitForLine(/^MSG \d+ \d+ bob /), / bob alice b1 :hello again$/);

		// No name is doubled: bob is still bob's, on both hosts.
		const twin = await connectRaw(a.port);
		twin.send('HELLO 1 bob');
		assert.match(await twin.nextLine(), /^REFUSED name-taken :/);

		// The held message survived, and erin gets it when she comes back.
		const erin = await loginStructured(b.port, 'erin', ` resume=${away.token}`);
		assert.match(await erin.waitForLine(/^MSG /), / alice erin h1 :kept through the restart$/);
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) h1 /), /^DELIVERED h1 /);
	});
} else {
	test.skip(missing);
}
