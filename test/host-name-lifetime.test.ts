// How long a name stays owned (docs/protocol.md "Identity"): across a host restart on the same
// store, and until it goes unused for the expiry (an injected clock; the sweep runs at start).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readHostIdentity} from '../source/host/host-identity.js';
import {releaseUnusedNames} from '../source/host/relay/name-expiry.js';
import {MemoryNameOwners} from '../source/host/relay/name-owners.js';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {StoreNameOwners} from '../source/host/store/store-name-owners.js';
import {nameKey} from '../source/protocol/name-rules.js';
import {loginKeyed, testKey} from './helpers/keyed-client.js';
import {connectRaw, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {storeDir} from './helpers/store-dir.js';

const DAY_MS = 24 * 60 * 60 * 1000;

test('ownership survives a host restart on the same store', async (t) => {
	const dir = storeDir();
	const key = testKey();
	const startOnStore = async () => {
		const store = openDurableStore({dir});
		const owners = new StoreNameOwners(store.names, (error) => {
			throw error;
		});
		const host = await startTestHost({owners, hostIdentity: readHostIdentity(dir)});
		return {host, store};
	};

	const first = await startOnStore();
	const alice = await loginKeyed(first.host.port, 'alice', key);
	alice.send('QUIT');
	await alice.closed;
	await first.host.stop();
	await first.store.close();

	const second = await startOnStore();
	t.after(async () => {
		await second.host.stop();
		await second.store.close();
	});
	const nc = await connectRaw(second.host.port);
	nc.send('alice');
	assert.equal(await nc.nextLine(), 'Reuse');
	const back = await loginKeyed(second.host.port, 'alice', key);
	assert.deepEqual(back.roster, ['alice']);
});

test('the host identity kept in a data folder is the same at every start', () => {
	const dir = storeDir();
	const id = readHostIdentity(dir);
	assert.match(id, /^[\w-]{22}$/);
	assert.equal(readHostIdentity(dir), id);
});

test('a name unused for the expiry is free at the next start; a used one is not', async (t) => {
	const owners = new MemoryNameOwners();
	let now = Date.UTC(2026, 0, 1);
	const options = {owners, nameExpiryMs: 180 * DAY_MS, now: () => now};
	const first = await startTestHost(options);
	const keys = {alice: testKey(), bob: testKey()};
	for (const [name, key] of Object.entries(keys)) {
		const client = await loginKeyed(first.port, name, key);
		client.send('QUIT');
		await client.closed;
	}

	await first.stop();
	now += 100 * DAY_MS;
	const middle = await startTestHost(options);
	// Bob logs in again on day 100; alice stays away.
	const bob = await loginKeyed(middle.port, 'bob', keys.bob);
	bob.send('QUIT');
	await bob.closed;
	await middle.stop();
	assert.equal(owners.ownerOf(nameKey('bob'))?.lastSeen, now, "the owner's login touched it");

	now += 81 * DAY_MS;
	const later = await startTestHost(options);
	t.after(() => later.stop());
	assert.deepEqual(
		owners.list().map((owner) => owner.name),
		['bob'],
	);
	assert.ok(later.log.includes('released alice: unused for too long'));
	await loginStructured(later.port, 'alice');
});

test('the sweep never releases a name in use, however old its last login', async () => {
	const owners = new MemoryNameOwners();
	owners.bind({nameKey: 'alice', name: 'alice', publicKey: Buffer.alloc(32), nowMs: 0});
	owners.bind({nameKey: 'bob', name: 'bob', publicKey: Buffer.alloc(32, 1), nowMs: 0});
	const online = new Set(['alice']);
	const released = await releaseUnusedNames({
		owners,
		users: {find: (name) => (online.has(name) ? ({} as never) : undefined)},
		expiryMs: DAY_MS,
		nowMs: 2 * DAY_MS,
	});
	assert.deepEqual(
		released.map((owner) => owner.name),
		['bob'],
	);
	assert.deepEqual(
		owners.list().map((owner) => owner.name),
		['alice'],
	);
});
