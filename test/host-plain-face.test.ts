// The six rules of the plain face (docs/protocol.md "The plain face"), over real TCP.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const CTIME_LINE =
	/^\[(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123]\d \d\d:\d\d:\d\d \d{4}\] /;

test('rule 1: a name logs in with Welcome!; a taken name gets Reuse and is closed', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginPlain(host.port, 'paco');
	// The same name in another case, in Cyrillic look-alikes, in full-width letters.
	for (const taken of ['paco', 'Paco', 'PACO', '\u0440\u0430\u0441\u043e', 'ｐａｃｏ']) {
		const late = await connectRaw(host.port);
		late.send(taken);
		assert.equal(await late.nextLine(), 'Reuse', taken);
		await late.closed;
	}
});

test('rule 1: an invalid name gets a reason and is closed', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	for (const [name, reason] of [
		['al ice', /space/],
		['to:bob', /':'/],
		['bob@home', /'@'/],
		['a'.repeat(33), /longer than 32/],
		['\u0430lice', /mixes Cyrillic and Latin/],
	] as const) {
		const client = await connectRaw(host.port);
		client.send(name);
		assert.match(await client.nextLine(), /^Invalid name: /);
		assert.match(client.lines[0] ?? '', reason);
		await client.closed;
	}
});

test('rule 2: text before choosing a partner reaches nobody', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	alice.send('is anyone there?');
	assert.equal(await alice.nextLine(), 'Please input the user who you want to chat with');
	alice.send('to:bob');
	alice.send('now you');
	assert.match(await bob.nextLine(), /\] alice: now you$/);
});

test('rule 3: to:NAME chooses a partner both ways, with clear errors', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	alice.send('to:nobody');
	assert.equal(await alice.nextLine(), 'the user nobody does not exist');
	alice.send('to:');
	assert.equal(await alice.nextLine(), 'to: needs a user name, for example to:bob');
	alice.send('to:alice');
	assert.equal(await alice.nextLine(), 'you cannot chat with yourself');
	alice.send('to:BOB'); // names are found whatever their case
	alice.send('hi');
	assert.match(await bob.nextLine(), /\] alice: hi$/);
	// Choosing bob made alice bob's partner: bob answers without to:.
	bob.send('hello alice');
	assert.match(await alice.nextLine(), /\] bob: hello alice$/);
});

test('rule 4: a message arrives as [ctime] name: text', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	alice.send('to:bob');
	alice.send('hi bob: how are you?');
	const line = await bob.nextLine();
	assert.match(line, CTIME_LINE);
	assert.ok(line.endsWith('] alice: hi bob: how are you?'), line);
});

test('rule 5: quit answers quit, closes, and frees the name at once', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	bob.send('to:alice');
	alice.send('quit');
	assert.equal(await alice.nextLine(), 'quit');
	await alice.closed;
	bob.send('still there?');
	assert.equal(await bob.nextLine(), 'the user alice is offline, message not sent');
	await loginPlain(host.port, 'alice');
});

test('rule 5: a dropped connection frees its name at once', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const watcher = await loginStructured(host.port, 'watcher');
	const alice = await loginPlain(host.port, 'alice');
	await watcher.waitForLine(/^JOIN alice$/);
	alice.destroy();
	// LEAVE is sent when the host has forgotten the name: no grace period on the plain face.
	await watcher.waitForLine(/^LEAVE alice$/);
	await loginPlain(host.port, 'alice');
});

test('rule 6: a plain user follows whoever chose them or wrote to them last', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	const carol = await loginPlain(host.port, 'carol');
	alice.send('to:bob');
	carol.send('to:bob');
	bob.send('who chose me last?');
	assert.match(await carol.nextLine(), /\] bob: who chose me last\?$/);
	alice.send('me, writing now');
	assert.match(await bob.nextLine(), /\] alice: me, writing now$/);
	bob.send('back to you');
	assert.match(await alice.nextLine(), /\] bob: back to you$/);
	// carol never got that reply: her next line is this one.
	bob.send('to:carol');
	bob.send('and you');
	assert.match(await carol.nextLine(), /\] bob: and you$/);
});
