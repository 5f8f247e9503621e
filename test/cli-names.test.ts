// `chat names` as operators run it (the built binary): it lists the names a host's store owns,
// releases one (its waiting messages go too), and says in one sentence what it cannot do.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {keyFingerprint, shortFingerprint} from '../source/protocol/key-fingerprint.js';
import {nameKey} from '../source/protocol/name-rules.js';
import {chatArgs} from './helpers/built-cli.js';
import {storeDir} from './helpers/store-dir.js';

const DEADLINE_MS = 20_000;

function chatNames(...args: string[]) {
	return spawnSync(process.execPath, chatArgs('names', ...args), {
		encoding: 'utf8',
		timeout: DEADLINE_MS,
	});
}

async function storeWithOwners(dir: string) {
	const store = openDurableStore({dir});
	const aliceKey = Buffer.alloc(32, 7);
	await store.names.bind({
		nameKey: nameKey('alice'),
		name: 'alice',
		publicKey: aliceKey,
		nowMs: Date.UTC(2026, 10, 25, 18, 40),
	});
	await store.names.bind({
		nameKey: nameKey('Bob'),
		name: 'Bob',
		publicKey: Buffer.alloc(32, 9),
		nowMs: Date.UTC(2026, 11, 1, 9, 5),
	});
	await store.messages.append({
		id: '1795632000123456',
		kind: 'stored',
		recipientKey: nameKey('Bob'),
		time: Date.UTC(2026, 11, 1, 9, 6),
		sender: 'alice',
		recipient: 'Bob',
		senderRef: 'm1',
		text: 'for when you are back',
	});
	await store.close();
	return {aliceFingerprint: shortFingerprint(keyFingerprint(aliceKey))};
}

test('chat names lists owned names with their last login and short key fingerprint', async () => {
	const dir = storeDir();
	const {aliceFingerprint} = await storeWithOwners(dir);
	const result = chatNames('--data', dir);
	assert.equal(result.status, 0, result.stderr);
	const lines = result.stdout.trimEnd().split('\n');
	assert.match(lines[0] ?? '', /^NAME +LAST SEEN +KEY$/);
	assert.match(lines[1] ?? '', /^alice +2026-11-25 18:40 UTC +\S+$/);
	assert.ok(lines[1]?.endsWith(` ${aliceFingerprint}`), lines[1]);
	assert.match(lines[2] ?? '', /^Bob +2026-12-01 09:05 UTC +SHA256:\S{8}$/);
	assert.equal(lines.length, 3);
});

test('chat names release frees a name, drops what waits for it, and a second release says so', async (t) => {
	const dir = storeDir();
	await storeWithOwners(dir);
	const released = chatNames('release', 'BOB', '--data', dir);
	assert.equal(released.status, 0, released.stderr);
	assert.match(released.stdout, /^released Bob: anyone may log in with it now/);

	const store = openDurableStore({dir});
	t.after(() => store.close());
	assert.equal(store.names.lookup(nameKey('Bob')), undefined);
	assert.deepEqual(store.messages.waitingFor(nameKey('Bob')), []);
	assert.deepEqual(
		store.names.list().map((binding) => binding.name),
		['alice'],
	);

	const again = chatNames('release', 'bob', '--data', dir);
	assert.equal(again.status, 1);
	assert.equal(again.stderr, `chat names: nobody owns the name bob on the host in ${dir}\n`);
});

test('chat names without a store, or with a wrong command, is one sentence', () => {
	const dir = storeDir();
	const missing = chatNames('--data', dir);
	assert.equal(missing.status, 1);
	assert.equal(
		missing.stderr,
		`chat names: there is no host store in ${dir}: start chat host there first, or give --data DIR\n`,
	);

	const wrong = chatNames('forget', 'bob');
	assert.equal(wrong.status, 2);
	assert.match(
		wrong.stderr,
		/^chat: chat names lists, or releases one: chat names release NAME, not 'forget'\n/,
	);
	const noName = chatNames('release');
	assert.equal(noName.status, 2);
	assert.match(noName.stderr, /^chat: chat names release needs the name to free/);
});
