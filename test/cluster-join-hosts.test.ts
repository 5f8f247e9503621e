// `chat join alice@h1,h2,h3` (docs/cluster.md "Resume on another host"): the client tries the
// hosts of a cluster in turn, and when its host is killed it resumes on another one, keeping its
// name and getting what was sent to it meanwhile.

import assert from 'node:assert/strict';
import process from 'node:process';
import {test} from 'node:test';
import {parseAddress} from '../source/client/parse-address.js';
import {HostRotation} from '../source/client/host-rotation.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {closedPort} from './helpers/closed-port.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {startCluster, untilUsers} from './helpers/cluster.js';
import {startCollectableHost} from './helpers/collectable-host-process.js';
import {loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

/** Long enough that the client is back before the killed host is found dead. */
const SLOW_LEASE_MS = 4000;

test('an address may list the hosts of a cluster, each with its own port', () => {
	assert.deepEqual(parseAddress('alice@h1,h2:4000,[::1]:5'), {
		ok: true,
		address: {
			name: 'alice',
			host: 'h1',
			port: 21_567,
			more: [
				{host: 'h2', port: 4000},
				{host: '::1', port: 5},
			],
		},
	});
	assert.deepEqual(parseAddress('alice@h1'), {
		ok: true,
		address: {name: 'alice', host: 'h1', port: 21_567},
	});
	const bad = parseAddress('alice@h1,,h3');
	assert.ok(!bad.ok && bad.error.includes("the host after '@' is missing"), JSON.stringify(bad));
});

test('hosts are tried in turn, and only a whole round of failures waits', () => {
	const rotation = new HostRotation([
		{host: 'a', port: 1},
		{host: 'b', port: 1},
		{host: 'c', port: 1},
	]);
	assert.equal(rotation.current.host, 'a');
	assert.equal(rotation.failed(), true);
	assert.equal(rotation.current.host, 'b');
	assert.equal(rotation.failed(), true);
	assert.equal(rotation.failed(), false);
	assert.equal(rotation.current.host, 'a');
	const single = new HostRotation([{host: 'a', port: 1}]);
	assert.equal(single.failed(), false);
	assert.equal(single.current.host, 'a');
});

if (missing === undefined) {
	test('a client whose host is killed resumes on the next host of its list', async (t) => {
		const cluster = await startCluster(t, 1, {
			clusterHostTtlMs: SLOW_LEASE_MS,
			resumeGraceMs: 30_000,
		});
		const victim = await startCollectableHost({
			redis: cluster.redis.url,
			clusterHostTtlMs: SLOW_LEASE_MS,
			loginRate: 0,
		});
		t.after(() => victim.stop());
		const dead = await closedPort();
		const client = createStructuredClient({
			// The first host is not there at all: the client moves on to the next at once.
			address: {host: '127.0.0.1', port: dead},
			moreAddresses: [
				{host: '127.0.0.1', port: victim.port},
				{host: '127.0.0.1', port: cluster.host(0).port},
			],
			name: 'carol',
			keepalive: {pingAfterSilenceMs: 500, pongTimeoutMs: 500},
			random: () => 0,
		});
		const log = recordClientEvents(client);
		t.after(async () => {
			log.stop();
			await client.quit();
		});
		assert.equal((await log.next('welcome')).host, `127.0.0.1:${victim.port}`);
		const alice = await loginStructured(cluster.host(0).port, 'alice');
		await untilUsers([...cluster.hosts], 2);
		process.kill(victim.pid, 'SIGKILL');
		await log.next('state', (event) => event.state === 'reconnecting');
		const resumed = await log.next('welcome', (event) => event.name === 'carol');
		// The status bar names this host now, not the first address given.
		assert.equal(resumed.host, `127.0.0.1:${cluster.host(0).port}`);
		alice.send('SEND a1 carol :you moved');
		const message = await log.next('message');
		assert.equal(message.text, 'you moved');
		assert.match(await alice.waitForLine(/^(DELIVERED|FAILED) a1 /), /^DELIVERED a1 /);
		// She resumed (no LEAVE): the others saw her stay.
		assert.ok(cluster.host(0).logs.some((line) => line.startsWith('resume carol ')));
		assert.ok(!alice.lines.includes('LEAVE carol'), alice.lines.join(' | '));
	});
} else {
	test.skip(missing);
}
