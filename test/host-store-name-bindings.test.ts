// Name bindings: a conditional bind, lookup, touch, release (which takes the name's mail with it),
// list and expiry, all read back from the file after a reopen.

import assert from 'node:assert/strict';
import {generateKeyPairSync} from 'node:crypto';
import {test} from 'node:test';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {expiryCutoff} from '../source/host/store/store-limits.js';
import {storeDir} from './helpers/store-dir.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A real Ed25519 public key, raw: the last 32 bytes of its SPKI form. */
function publicKey(): Buffer {
	const {publicKey} = generateKeyPairSync('ed25519');
	return publicKey.export({format: 'der', type: 'spki'}).subarray(-32);
}

test('the first bind of a name wins, a second key is told who owns it', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	const alice = publicKey();
	const mallory = publicKey();
	const [first, second] = await Promise.all([
		store.names.bind({nameKey: 'alice', name: 'Alice', publicKey: alice, nowMs: 1000}),
		store.names.bind({nameKey: 'alice', name: 'аlice', publicKey: mallory, nowMs: 1001}),
	]);
	assert.equal(first.bound, true);
	assert.equal(second.bound, false);
	assert.deepEqual(second.binding, {
		nameKey: 'alice',
		name: 'Alice',
		publicKey: alice,
		firstSeen: 1000,
		lastSeen: 1000,
	});
	assert.deepEqual(store.names.lookup('alice'), second.binding);
	const again = await store.names.bind({
		nameKey: 'alice',
		name: 'alice',
		publicKey: alice,
		nowMs: 2000,
	});
	assert.equal(again.bound, true, 'the owner binding again still owns it');
	assert.equal(again.binding.firstSeen, 1000);
	assert.equal(store.names.lookup('bob'), undefined);
});

test('bindings survive a reopen; touch moves last-seen forward only', async (t) => {
	const dir = storeDir();
	const key = publicKey();
	let store = openDurableStore({dir});
	await store.names.bind({nameKey: 'bob', name: 'bob', publicKey: key, nowMs: 5000});
	assert.equal(await store.names.touch('bob', 9000), true);
	assert.equal(await store.names.touch('bob', 7000), true, 'an older clock reading is no change');
	assert.equal(await store.names.touch('nobody', 9000), false);
	await store.close();
	store = openDurableStore({dir});
	t.after(() => store.close());
	assert.deepEqual(store.names.lookup('bob'), {
		nameKey: 'bob',
		name: 'bob',
		publicKey: key,
		firstSeen: 5000,
		lastSeen: 9000,
	});
});

test('a public key that is not 32 bytes is refused', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await assert.rejects(
		store.names.bind({nameKey: 'x', name: 'x', publicKey: Buffer.alloc(44), nowMs: 1}),
		/an Ed25519 public key is 32 bytes, not 44/,
	);
});

test('release frees the name and drops its waiting messages, so a new owner reads none', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await store.names.bind({nameKey: 'carol', name: 'carol', publicKey: publicKey(), nowMs: 1});
	await store.messages.append({
		id: '100',
		kind: 'stored',
		recipientKey: 'carol',
		time: 2,
		sender: 'bob',
		recipient: 'carol',
		senderRef: 'm1',
		text: 'for carol only',
	});
	const released = await store.names.release('carol');
	assert.equal(released?.name, 'carol');
	assert.equal(store.names.lookup('carol'), undefined);
	assert.deepEqual(store.messages.waitingFor('carol'), []);
	assert.deepEqual(store.messages.size('carol', 'stored'), {messages: 0, bytes: 0});
	assert.equal(await store.names.release('carol'), undefined);
	const rebound = await store.names.bind({
		nameKey: 'carol',
		name: 'Carol',
		publicKey: publicKey(),
		nowMs: 3,
	});
	assert.equal(rebound.bound, true);
});

test('list gives every binding in key order; expiry releases those unused for N days', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	const now = 200 * DAY_MS;
	const lastSeen = {dave: now - 181 * DAY_MS, erin: now - 179 * DAY_MS, abe: now - 200 * DAY_MS};
	for (const [name, nowMs] of Object.entries(lastSeen)) {
		await store.names.bind({nameKey: name, name, publicKey: publicKey(), nowMs});
	}

	assert.deepEqual(
		store.names.list().map((binding) => binding.name),
		['abe', 'dave', 'erin'],
	);
	const expired = await store.names.expireUnusedSince(expiryCutoff(now, 180));
	assert.deepEqual(
		expired.map((binding) => binding.name),
		['abe', 'dave'],
	);
	assert.deepEqual(
		store.names.list().map((binding) => binding.name),
		['erin'],
	);
});
