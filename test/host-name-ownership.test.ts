// Names owned by a key (docs/protocol.md "Identity"), over real TCP: the first proof binds a name;
// another key, a keyless bot and a netcat user cannot have it; names nobody owns stay first-come.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MemoryNameOwners, type NameOwners} from '../source/host/relay/name-owners.js';
import {keyFingerprint} from '../source/protocol/key-fingerprint.js';
import {loginKeyed, sendKeyedHello, testKey} from './helpers/keyed-client.js';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const fingerprintOf = (publicKey: string) => keyFingerprint(Buffer.from(publicKey, 'base64url'));

test('an impostor with another key is refused with name-owned once the owner has logged in', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const owner = testKey();
	const alice = await loginKeyed(host.port, 'alice', owner);
	alice.send('QUIT');
	await alice.closed;

	const impostor = await connectRaw(host.port);
	const answer = await sendKeyedHello(impostor, 'Alice', testKey());
	assert.match(answer, /^REFUSED name-owned :the name Alice belongs to another key \(SHA256:/);
	await impostor.closed;
	// The owner's key still works, in any case of the name.
	const back = await loginKeyed(host.port, 'ALICE', owner);
	assert.deepEqual(back.roster, ['ALICE']);
});

test('while the owner is online, another key hears that the name is taken', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginKeyed(host.port, 'alice', testKey());
	const impostor = await connectRaw(host.port);
	assert.equal(
		await sendKeyedHello(impostor, 'alice', testKey()),
		'REFUSED name-taken :the name alice is taken',
	);
});

test('on the plain face an owned name is Reuse, byte for byte, and a keyless bot hears name-owned', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginKeyed(host.port, 'alice', testKey());
	alice.send('QUIT');
	await alice.closed;

	const nc = await connectRaw(host.port);
	nc.send('alice');
	assert.equal(await nc.nextLine(), 'Reuse');
	await nc.closed;
	assert.deepEqual(nc.lines, ['Reuse']);

	const bot = await connectRaw(host.port);
	bot.send('HELLO 1 alice');
	assert.match(await bot.nextLine(), /^REFUSED name-owned :the name alice belongs to a key/);
});

test('names nobody owns stay first-come on both faces, and a key cannot take one in use', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginPlain(host.port, 'carol');
	await loginStructured(host.port, 'dave');
	for (const name of ['carol', 'dave']) {
		const keyed = await connectRaw(host.port);
		assert.equal(
			await sendKeyedHello(keyed, name, testKey()),
			`REFUSED name-taken :the name ${name} is taken`,
		);
	}

	// Once they are gone the names are free for anyone, keyless too.
	const erin = await loginStructured(host.port, 'erin');
	erin.send('QUIT');
	await erin.closed;
	await loginStructured(host.port, 'erin');
});

test('a wrong proof, a missing one and a malformed key are refused', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const key = testKey();
	const liar = await connectRaw(host.port);
	liar.send(`HELLO 1 alice key=${key.publicKey}`);
	assert.match(await liar.nextLine(), /^CHALLENGE \S+ \S+$/);
	liar.send(`PROVE ${'A'.repeat(86)}`);
	assert.equal(await liar.nextLine(), 'REFUSED proof-failed :the signature does not prove the key');

	const chatty = await connectRaw(host.port);
	chatty.send(`HELLO 1 alice key=${key.publicKey}`);
	await chatty.nextLine();
	chatty.send('SEND m1 bob :hi');
	assert.match(await chatty.nextLine(), /^REFUSED bad-command :the host asked for the proof/);

	const broken = await connectRaw(host.port);
	broken.send('HELLO 1 alice key=short');
	assert.match(await broken.nextLine(), /^REFUSED bad-command :key= needs an Ed25519 public key/);
	// None of them bound the name.
	const alice = await loginStructured(host.port, 'alice');
	alice.send(`PROVE ${'A'.repeat(86)}`);
	assert.equal(await alice.nextLine(), 'ERROR bad-command :there is no challenge to answer');
});

test('every structured user hears who has which key: KEY lines in the roster and after JOIN', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const aliceKey = testKey();
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginKeyed(host.port, 'alice', aliceKey);
	assert.equal(await bob.nextLine(), 'JOIN alice');
	assert.equal(await bob.nextLine(), `KEY alice ${fingerprintOf(aliceKey.publicKey)}`);
	const carolKey = testKey();
	const carol = await loginKeyed(host.port, 'carol', carolKey);
	assert.equal(carol.keys.get('alice'), fingerprintOf(aliceKey.publicKey));
	assert.equal(carol.keys.get('carol'), fingerprintOf(carolKey.publicKey));
	assert.equal(carol.keys.has('bob'), false, 'a keyless user has no KEY line');
	alice.destroy();
});

test('owners that fail refuse the login with a sentence, and the host goes on', async (t) => {
	const memory = new MemoryNameOwners();
	const failing: NameOwners = {
		ownerOf: (key) => memory.ownerOf(key),
		bind: async () => {
			throw new Error('disk I/O error');
		},
		touch: (key, now) => memory.touch(key, now),
		release: (key) => memory.release(key),
		list: () => memory.list(),
	};
	const host = await startTestHost({owners: failing});
	t.after(() => host.stop());
	const client = await connectRaw(host.port);
	assert.equal(
		await sendKeyedHello(client, 'alice', testKey()),
		'REFUSED unavailable :the host cannot check who owns names now; try again',
	);
	assert.ok(host.log.some((line) => line.includes('name owners failed: Error: disk I/O error')));
	await loginStructured(host.port, 'bob');
});
