// The six rules hold between a plain (netcat) user and a structured user, both ways.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('rule 1: one namespace for both faces, whatever the case', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginPlain(host.port, 'alice');
	await loginStructured(host.port, 'bob');
	const structured = await connectRaw(host.port);
	structured.send('HELLO 1 Alice');
	assert.match(await structured.nextLine(), /^REFUSED name-taken :/);
	const plain = await connectRaw(host.port);
	plain.send('BOB');
	assert.equal(await plain.nextLine(), 'Reuse');
});

test('rule 2: plain text without a partner reaches no structured user', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginPlain(host.port, 'alice');
	await bob.waitForLine(/^JOIN alice$/);
	alice.send('lost words');
	assert.equal(await alice.nextLine(), 'Please input the user who you want to chat with');
	alice.send('to:bob');
	alice.send('found words');
	assert.match(await bob.nextLine(), /^MSG \d+ \d+ alice bob - :found words$/);
});

test('rules 3 and 4: plain to:structured relays as MSG; structured SEND reaches plain as ctime', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginPlain(host.port, 'alice');
	await bob.waitForLine(/^JOIN alice$/);
	alice.send('to:Bob');
	alice.send('hi bob');
	assert.match(await bob.nextLine(), /^MSG \d+ \d+ alice bob - :hi bob$/);
	bob.send('SEND b1 alice :hi alice');
	assert.match(
		await alice.nextLine(),
		/^\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] bob: hi alice$/,
	);
	assert.match(await bob.nextLine(), /^DELIVERED b1 \d+ \d+$/);
	// The host keeps no partner for bob: alice choosing him did not make alice his.
	bob.send('to:alice');
	assert.match(await bob.nextLine(), /^ERROR unknown-command /);
});

test('rule 5: quitting on one face frees the name for the other and tells the structured side', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginPlain(host.port, 'alice');
	await bob.waitForLine(/^JOIN alice$/);
	alice.send('to:bob');
	alice.send('quit');
	assert.equal(await alice.nextLine(), 'quit');
	assert.equal(await bob.nextLine(), 'LEAVE alice');
	bob.send('SEND x alice :are you gone?');
	assert.equal(await bob.nextLine(), 'FAILED x no-such-user :the user alice does not exist');
	const alice2 = await loginPlain(host.port, 'alice');
	alice2.send('to:bob');
	bob.send('QUIT');
	await bob.closed;
	alice2.send('hello?');
	assert.equal(await alice2.nextLine(), 'the user bob is offline, message not sent');
	await loginStructured(host.port, 'bob');
});

test('rule 6: a structured sender becomes the plain user’s partner', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginPlain(host.port, 'alice');
	const carol = await loginPlain(host.port, 'carol');
	await bob.waitForLine(/^JOIN carol$/);
	alice.send('to:carol');
	bob.send('SEND q alice :a question from bob');
	assert.match(await alice.nextLine(), /\] bob: a question from bob$/);
	alice.send('the answer');
	assert.match(await bob.waitForLine(/^MSG/), / alice bob - :the answer$/);
	// And back: a plain sender becomes the plain recipient’s partner, across the change.
	carol.send('to:alice');
	carol.send('me now');
	assert.match(await alice.nextLine(), /\] carol: me now$/);
	alice.send('hi carol');
	assert.match(await carol.nextLine(), /\] alice: hi carol$/);
});

test('a resent ref to a plain user is answered with the same DELIVERED, and relayed once', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginPlain(host.port, 'alice');
	await bob.waitForLine(/^JOIN alice$/);
	bob.send('SEND b1 alice :only once');
	const delivered = await bob.waitForLine(/^DELIVERED b1 /);
	bob.send('SEND b1 alice :only once');
	assert.equal(await bob.nextLine(), delivered);
	bob.send('SEND b2 alice :then this');
	assert.match(await alice.nextLine(), / bob: only once$/);
	assert.match(await alice.nextLine(), / bob: then this$/);
});
