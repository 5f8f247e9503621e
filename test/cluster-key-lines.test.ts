// Who has which key, across the hosts of a cluster (docs/protocol.md "Identity", docs/cluster.md
// "Presence"): a structured user on one host gets the KEY lines of owners on the others, in the
// roster at login and right after their JOIN, and the real client's /whois shows them.
import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {createChallengeAnswer} from '../source/client/challenge-answer.js';
import {loadIdentity} from '../source/client/identity-key.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {keyFingerprint} from '../source/protocol/key-fingerprint.js';
import {applyClientEvents} from '../source/ui/state/apply-client-events.js';
import {initialChatState} from '../source/ui/state/chat-state.js';
import {whoisNotice} from '../source/ui/state/whois.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {startCluster, untilUsers} from './helpers/cluster.js';
import {loginOwner, ownerKey} from './helpers/keyed-client.js';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();
const fingerprintOf = (name: string) =>
	keyFingerprint(Buffer.from(ownerKey(name).publicKey, 'base64url'));

if (missing === undefined) {
	test('the roster at login has a KEY line for each owner on another host, and none for the keyless', async (t) => {
		const cluster = await startCluster(t, 3);
		await loginStructured(cluster.host(1).port, 'bob');
		await loginPlain(cluster.host(1).port, 'dave');
		await loginOwner(cluster.host(0).port, 'alice');
		await untilUsers(cluster.hosts, 3);
		const carol = await loginOwner(cluster.host(2).port, 'carol');
		assert.deepEqual(carol.roster.sort(), ['alice', 'bob', 'carol', 'dave']);
		assert.deepEqual(
			new Map([...carol.keys].sort()),
			new Map([
				['alice', fingerprintOf('alice')],
				['carol', fingerprintOf('carol')],
			]),
		);
	});

	test('a KEY line follows the JOIN of an owner, on its own host and on the others', async (t) => {
		const cluster = await startCluster(t, 2);
		const here = await loginStructured(cluster.host(0).port, 'bob');
		const there = await loginStructured(cluster.host(1).port, 'erin');
		await untilUsers(cluster.hosts, 2);
		await loginOwner(cluster.host(0).port, 'alice');
		for (const watcher of [here, there]) {
			assert.equal(await watcher.waitForLine(/^JOIN alice$/), 'JOIN alice');
			assert.equal(await watcher.nextLine(), `KEY alice ${fingerprintOf('alice')}`);
		}

		await loginPlain(cluster.host(0).port, 'frank');
		assert.equal(await there.waitForLine(/^JOIN frank$/), 'JOIN frank');
		await loginOwner(cluster.host(0).port, 'gina');
		// frank has no key: the next line after his JOIN is gina's, not a KEY for him.
		assert.equal(await there.nextLine(), 'JOIN gina');
		assert.equal(await there.nextLine(), `KEY gina ${fingerprintOf('gina')}`);
	});

	test("the real client's /whois shows the key of an owner on another host", async (t) => {
		const cluster = await startCluster(t, 2);
		const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-machine-'));
		t.after(() => rm(dir, {recursive: true, force: true}));
		const identity = await loadIdentity(path.join(dir, 'identity'));
		const answerChallenge = createChallengeAnswer({
			identity,
			knownHostIdsFile: path.join(dir, 'known_host_ids'),
		});
		const join = (port: number, name: string) => {
			const client = createStructuredClient({
				address: {host: '127.0.0.1', port},
				name,
				identity: {publicKey: identity.publicKey, answerChallenge},
			});
			t.after(async () => client.quit());
			return recordClientEvents(client);
		};

		await loginOwner(cluster.host(0).port, 'alice');
		await untilUsers(cluster.hosts, 1);
		const bob = join(cluster.host(1).port, 'bob');
		await bob.next('welcome');
		await loginOwner(cluster.host(0).port, 'carol');
		await bob.next('user-key', (event) => event.name === 'carol');
		const state = applyClientEvents(initialChatState({self: 'bob', follow: false}), bob.events);
		assert.equal(whoisNotice(state, 'alice').text, `alice: key ${fingerprintOf('alice')}, online`);
		assert.equal(whoisNotice(state, 'carol').text, `carol: key ${fingerprintOf('carol')}, online`);
	});
} else {
	test.skip(missing);
}
