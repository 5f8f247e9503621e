// The structured face (docs/protocol.md "The structured face"), over real TCP.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('login: WELCOME, the roster with you in it, then JOIN and LEAVE for others', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	assert.deepEqual(alice.roster, ['alice']);
	assert.match(alice.token, /^[\w-]{16}$/);
	const bob = await loginStructured(host.port, 'bob');
	assert.deepEqual(bob.roster.sort(), ['alice', 'bob']);
	assert.equal(await alice.nextLine(), 'JOIN bob');
	bob.send('QUIT');
	assert.equal(await bob.nextLine(), 'BYE quit :goodbye');
	await bob.closed;
	assert.equal(await alice.nextLine(), 'LEAVE bob');
});

test('refusals carry a code and a reason, then the host closes', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginStructured(host.port, 'paco');
	for (const [hello, refusal] of [
		['HELLO 1 paco', /^REFUSED name-taken :/],
		['HELLO 1 PACO', /^REFUSED name-taken :/],
		['HELLO 1 \u0440\u0430\u0441\u043e', /^REFUSED name-taken :/], // Cyrillic look-alike
		['HELLO 1 al:ice', /^REFUSED name-invalid :invalid name: it contains ':'$/],
		['HELLO 1 \u0430lice', /^REFUSED name-invalid :.*mixes/],
		['HELLO 2 zoe', /^REFUSED version-unsupported :this host speaks version 1/],
		['HELLO 1', /^REFUSED bad-command :/],
	] as const) {
		const client = await connectRaw(host.port);
		client.send(hello);
		assert.match(await client.nextLine(), refusal, hello);
		await client.closed;
	}
});

test('SEND: the recipient gets MSG, the sender DELIVERED with the same id and time', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.send('SEND m1 bob :hello there, bob');
	const message = await bob.nextLine();
	const match = /^MSG (\d+) (\d+) alice bob m1 :hello there, bob$/.exec(message);
	assert.ok(match, message);
	assert.equal(await alice.nextLine(), `DELIVERED m1 ${match[1]} ${match[2]}`);
	const time = Number(match[2]);
	assert.ok(Math.abs(time - Date.now()) < 60_000, 'the time is the host clock in ms');
	// Ids strictly increase.
	alice.send('SEND m2 bob :again');
	const second = /^MSG (\d+) /.exec(await bob.nextLine());
	assert.ok(second && BigInt(second[1] ?? 0) > BigInt(match[1] ?? 0));
});

test('FAILED for no such user, yourself and a text that is only control', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	alice.send('SEND a nobody :hi');
	assert.equal(await alice.nextLine(), 'FAILED a no-such-user :the user nobody does not exist');
	alice.send('SEND b alice :hi me');
	assert.equal(await alice.nextLine(), 'FAILED b self :you cannot message yourself');
	await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.send('SEND c bob :\u001B[2J\u0007');
	assert.match(await alice.nextLine(), /^FAILED c empty-text :/);
});

test('the host keeps no partner: each SEND goes where it says', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	const carol = await loginStructured(host.port, 'carol');
	await alice.waitForLine(/^JOIN carol$/);
	alice.send('SEND 1 bob :to bob');
	alice.send('SEND 2 carol :to carol');
	alice.send('SEND 3 bob :bob again');
	assert.match(await bob.waitForLine(/^MSG/), / alice bob 1 :to bob$/);
	assert.match(await bob.waitForLine(/^MSG/), / alice bob 3 :bob again$/);
	assert.match(await carol.waitForLine(/^MSG/), / alice carol 2 :to carol$/);
	// A text line with no verb is not a message to anyone.
	bob.send('hello?');
	assert.equal(await bob.nextLine(), 'ERROR unknown-command :unknown command hello?');
});

test('a resent ref is answered again, never relayed twice', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.send('SEND r1 bob :once');
	const delivered = await alice.nextLine();
	assert.match(delivered, /^DELIVERED r1 /);
	alice.send('SEND r1 bob :once');
	assert.equal(await alice.nextLine(), delivered);
	alice.send('SEND r2 bob :twice');
	assert.match(await bob.nextLine(), / r1 :once$/);
	assert.match(await bob.nextLine(), / r2 :twice$/);
	alice.send('SEND r3 nobody :x');
	const failed = await alice.waitForLine(/^FAILED r3 /);
	alice.send('SEND r3 nobody :x');
	assert.equal(await alice.nextLine(), failed);
});

test('PING gets PONG; unknown and malformed lines get ERROR with a code', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	alice.send('PING abc');
	assert.equal(await alice.nextLine(), 'PONG abc');
	alice.send('DANCE now');
	assert.equal(await alice.nextLine(), 'ERROR unknown-command :unknown command DANCE');
	alice.send('SEND only-a-ref');
	assert.match(await alice.nextLine(), /^ERROR bad-command :SEND needs/);
	alice.send('SEND bad!ref bob :x');
	assert.match(await alice.nextLine(), /^ERROR bad-command :a ref is/);
	alice.send('HELLO 1 alice');
	assert.equal(await alice.nextLine(), 'ERROR bad-command :you are already logged in');
});

test('a first line that is just HELLO is a plain login, refused as a protocol word', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const client = await connectRaw(host.port);
	client.send('HELLO');
	assert.equal(await client.nextLine(), 'Invalid name: it is a word of the protocol (HELLO)');
	await client.closed;
});
