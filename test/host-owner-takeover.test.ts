// The owner takes over its own held session at once (docs/protocol.md "Identity"): after a
// client's socket is destroyed without QUIT (a kill -9), or while a half-open one still looks
// alive, the owner's next login gets the name, its held messages, and nobody sees LEAVE or JOIN.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loginKeyed, sendKeyedHello, testKey} from './helpers/keyed-client.js';
import {connectRaw, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('a dropped owner logs in again at once, without its token, and gets what was held', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const key = testKey();
	const carol = await loginStructured(host.port, 'carol');
	const bob = await loginKeyed(host.port, 'bob', key);
	await carol.waitForLine(/^KEY bob /);
	bob.destroy();
	assert.equal(await carol.nextLine(), 'AWAY bob');
	carol.send('SEND m1 bob :while you were gone');
	assert.match(await carol.nextLine(), /^HELD m1 /);

	// A fresh process: no resume token, only the key.
	const again = await loginKeyed(host.port, 'bob', key);
	assert.match(await again.nextLine(), /^MSG \d+ \d+ carol bob m1 :while you were gone$/);
	assert.equal(await carol.nextLine(), 'BACK bob');
	assert.match(await carol.nextLine(), /^DELIVERED m1 /);
	carol.send('PING check');
	assert.equal(await carol.nextLine(), 'PONG check', 'no LEAVE or JOIN came in between');
	assert.ok(host.log.some((line) => line.startsWith('takeover bob')));
});

test('a connection that still looks alive is replaced, and told so', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const key = testKey();
	const carol = await loginStructured(host.port, 'carol');
	const stale = await loginKeyed(host.port, 'bob', key);
	await carol.waitForLine(/^KEY bob /);
	const fresh = await loginKeyed(host.port, 'bob', key);
	assert.equal(
		await stale.waitForLine(/^BYE /),
		'BYE replaced :you logged in again on another connection',
	);
	await stale.closed;
	fresh.send('SEND m1 carol :still me');
	assert.match(await carol.nextLine(), /^MSG \d+ \d+ bob carol m1 :still me$/);
});

test('a keyless or other-key login for a held name is refused, with why', async (t) => {
	const host = await startTestHost({resumeGraceMs: 60_000});
	t.after(() => host.stop());
	const carol = await loginStructured(host.port, 'carol');
	const bob = await loginKeyed(host.port, 'bob', testKey());
	await carol.waitForLine(/^KEY bob /);
	bob.destroy();
	await carol.waitForLine(/^AWAY bob$/);
	const other = await connectRaw(host.port);
	assert.equal(
		await sendKeyedHello(other, 'bob', testKey()),
		'REFUSED name-taken :the name bob is taken: its connection dropped, and it is kept for bob for up to 60 s',
	);
	const keyless = await connectRaw(host.port);
	keyless.send('HELLO 1 bob');
	assert.match(
		await keyless.nextLine(),
		/^REFUSED name-taken :the name bob is taken: its connection dropped/,
	);
});
