// The real client logging in with its key (docs/protocol.md "Identity"): it answers the host's
// challenge, hears other users' keys, and ends with one sentence for a name owned by another key
// or a host whose identity changed.
import assert from 'node:assert/strict';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {test, type TestContext} from 'node:test';
import type {ChatClient} from '../source/client/chat-client.js';
import {createChallengeAnswer} from '../source/client/challenge-answer.js';
import {loadIdentity} from '../source/client/identity-key.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {connectRaw} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

/** A machine of its own: a config folder with its key and its known host identities. */
async function machine(t: TestContext) {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-machine-'));
	t.after(() => rm(dir, {recursive: true, force: true}));
	const identity = await loadIdentity(path.join(dir, 'identity'));
	const knownHostIdsFile = path.join(dir, 'known_host_ids');
	const clients: ChatClient[] = [];
	t.after(async () => {
		await Promise.all(clients.map(async (client) => client.quit()));
	});
	return {
		identity,
		knownHostIdsFile,
		join(port: number, name: string) {
			const answerChallenge = createChallengeAnswer({identity, knownHostIdsFile});
			const client = createStructuredClient({
				address: {host: '127.0.0.1', port},
				name,
				identity: {publicKey: identity.publicKey, answerChallenge},
			});
			clients.push(client);
			return {client, events: recordClientEvents(client)};
		},
	};
}

test("a client with a key logs in, and hears others' fingerprints in the roster and after a join", async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const laptop = await machine(t);
	const desktop = await machine(t);
	const alice = laptop.join(host.port, 'alice');
	await alice.events.next('welcome');
	const bob = desktop.join(host.port, 'bob');
	const welcome = await bob.events.next('welcome');
	assert.equal(welcome.fingerprints?.get('alice'), laptop.identity.fingerprint);
	const key = await alice.events.next('user-key');
	assert.deepEqual(key, {type: 'user-key', name: 'bob', fingerprint: desktop.identity.fingerprint});
});

test('another machine asking for an owned name ends with the name-owned sentence', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const owner = await machine(t);
	const first = owner.join(host.port, 'alice');
	await first.events.next('welcome');
	await first.client.quit();

	const other = await machine(t);
	const second = other.join(host.port, 'alice');
	const closed = await second.events.next('closed');
	assert.equal(closed.code, 'name-owned');
	assert.match(
		closed.message,
		/^the name alice on 127\.0\.0\.1:\d+ belongs to another key than this machine's/,
	);
	assert.match(closed.message, /chat names release alice$/);
});

test('a host whose identity changed is refused before the client signs anything', async (t) => {
	const host = await startTestHost({hostIdentity: 'the-new-identity-0123'});
	t.after(() => host.stop());
	const laptop = await machine(t);
	await writeFile(laptop.knownHostIdsFile, `127.0.0.1:${host.port} the-old-identity-4567\n`);
	const {events} = laptop.join(host.port, 'alice');
	const closed = await events.next('closed');
	assert.match(
		closed.message,
		/^WARNING: the identity of the host at 127\.0\.0\.1:\d+ has changed, so chat did not log in: it was the-old-identity-4567 and now it is the-new-identity-0123\./,
	);
	// Nothing was bound: a keyless login may still take the name.
	const bot = await connectRaw(host.port);
	bot.send('HELLO 1 alice');
	assert.match(await bot.nextLine(), /^WELCOME alice /);
});
