// Resume (docs/protocol.md "Resume"): the name comes back at once with the token; held messages
// arrive in order, lost ones are replayed after `last=`, and nothing comes twice.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

function messageId(line: string): string {
	const match = /^MSG (\d+) /.exec(line);
	assert.ok(match, line);
	return match[1] ?? '';
}

test('held messages arrive after the roster, in order, and their senders hear DELIVERED once', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	const carol = await loginPlain(host.port, 'carol');
	await alice.waitForLine(/^JOIN carol$/);
	alice.send('SEND m0 bob :before the drop');
	const lastSeen = messageId(await bob.waitForLine(/^MSG/));
	await alice.waitForLine(/^DELIVERED m0 /);
	bob.destroy();
	assert.equal(await alice.nextLine(), 'AWAY bob');
	for (const ref of ['h1', 'h2', 'h3']) alice.send(`SEND ${ref} bob :${ref}`);
	carol.send('to:bob');
	carol.send('from carol');
	for (const ref of ['h1', 'h2', 'h3'])
		assert.match(await alice.nextLine(), new RegExp(`^HELD ${ref} `));

	const back = await loginStructured(host.port, 'bob', ` resume=${bob.token} last=${lastSeen}`);
	assert.notEqual(back.token, bob.token, 'a token is good for one resume');
	const texts = [];
	for (let index = 0; index < 4; index++)
		texts.push((await back.nextLine()).replace(/^MSG \d+ \d+ /, ''));
	assert.deepEqual(texts, [
		'alice bob h1 :h1',
		'alice bob h2 :h2',
		'alice bob h3 :h3',
		'carol bob - :from carol',
	]);
	assert.equal(await alice.nextLine(), 'BACK bob');
	const results = [await alice.nextLine(), await alice.nextLine(), await alice.nextLine()];
	assert.deepEqual(
		results.map((line) => line.split(' ').slice(0, 2).join(' ')),
		['DELIVERED h1', 'DELIVERED h2', 'DELIVERED h3'],
	);
	// A resend of an answered ref is answered again and not relayed.
	alice.send('SEND h2 bob :h2');
	assert.equal(await alice.nextLine(), results[1]);
	alice.send('SEND after bob :after');
	assert.match(await back.nextLine(), / after :after$/);
});

test('last= replays what the old connection was handed after that id, without duplicates', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	for (const ref of ['r1', 'r2', 'r3']) alice.send(`SEND ${ref} bob :${ref}`);
	const ids = [];
	for (let index = 0; index < 3; index++) ids.push(messageId(await bob.waitForLine(/^MSG/)));
	bob.destroy();
	await alice.waitForLine(/^AWAY bob$/);
	// The client saw only r1 (say r2 and r3 were lost with the connection).
	const back = await loginStructured(host.port, 'bob', ` resume=${bob.token} last=${ids[0]}`);
	assert.match(await back.nextLine(), new RegExp(`^MSG ${ids[1]} .* r2 :r2$`));
	assert.match(await back.nextLine(), new RegExp(`^MSG ${ids[2]} .* r3 :r3$`));
	alice.send('SEND r4 bob :r4');
	assert.match(await back.nextLine(), / r4 :r4$/);
});

test('resuming while the old connection is open: the old one gets BYE replaced, others see nothing', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	const fresh = await loginStructured(host.port, 'bob', ` resume=${bob.token}`);
	assert.equal(await bob.nextLine(), 'BYE replaced :you logged in again on another connection');
	await bob.closed;
	alice.send('SEND n1 bob :to the new connection');
	assert.match(await fresh.nextLine(), / n1 :to the new connection$/);
	// No AWAY, LEAVE, JOIN or BACK reached alice: her next line is her result.
	assert.match(await alice.nextLine(), /^DELIVERED n1 /);
	// The old token was used up.
	const replay = await connectRaw(host.port);
	replay.send(`HELLO 1 bob resume=${bob.token}`);
	assert.match(await replay.nextLine(), /^REFUSED name-taken /);
});

test('a wrong token does not reclaim a name', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const thief = await connectRaw(host.port);
	thief.send(`HELLO 1 bob resume=${bob.token.slice(1)}x`);
	assert.match(await thief.nextLine(), /^REFUSED name-taken /);
	bob.send('PING still-mine');
	assert.equal(await bob.nextLine(), 'PONG still-mine');
});
