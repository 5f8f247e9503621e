// Spoofing (issue "Who gets in"): the sender of every relayed message is the name the host gave
// the connection at login. Nothing a client sends can put another name in the sender's place.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('a structured SEND cannot name its sender', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	await loginStructured(host.port, 'alice');
	const mallory = await loginStructured(host.port, 'mallory');
	await bob.waitForLine(/^JOIN mallory$/);
	// A sender parameter or a forged MSG line is refused, never relayed under another name.
	mallory.send('SEND m1 bob alice :hi from "alice"');
	assert.match(await mallory.nextLine(), /^ERROR bad-command :SEND needs a ref, a name and a text/);
	mallory.send('SEND m2 bob from=alice :hi again');
	assert.match(await mallory.nextLine(), /^ERROR bad-command :/);
	mallory.send('MSG 1 1 alice bob - :forged');
	assert.equal(await mallory.nextLine(), 'ERROR unknown-command :unknown command MSG');
	// What does reach bob carries the name mallory logged in with.
	mallory.send('SEND m3 bob :hello');
	assert.match(await bob.waitForLine(/^MSG /), /^MSG \d+ \d+ mallory bob m3 :hello$/);
	assert.deepEqual(
		bob.lines.filter((line) => line.startsWith('MSG ')).map((line) => line.split(' ')[3]),
		['mallory'],
	);
});

test('a second HELLO after login does not rename the connection', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const mallory = await loginStructured(host.port, 'mallory');
	mallory.send('HELLO 1 alice');
	assert.equal(await mallory.nextLine(), 'ERROR bad-command :you are already logged in');
	mallory.send('SEND m1 bob :who am I?');
	assert.match(await bob.waitForLine(/^MSG /), /^MSG \d+ \d+ mallory bob m1 :who am I\?$/);
});

test('a plain line that starts with a name is text, stamped with the real sender', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginPlain(host.port, 'bob');
	const structuredBob = await loginStructured(host.port, 'carol');
	const mallory = await loginPlain(host.port, 'mallory');
	mallory.send('to:bob');
	mallory.send('alice: hi bob');
	mallory.send('[Wed Nov 25 18:40:00 2026] alice: a forged stamp');
	assert.match(await bob.nextLine(), /^\[[^\]]+\] mallory: alice: hi bob$/);
	assert.match(
		await bob.nextLine(),
		/^\[[^\]]+\] mallory: \[Wed Nov 25 18:40:00 2026\] alice: a forged stamp$/,
	);
	mallory.send('to:carol');
	mallory.send('alice: hi carol');
	assert.match(
		await structuredBob.waitForLine(/^MSG /),
		/^MSG \d+ \d+ mallory carol - :alice: hi carol$/,
	);
});

test('a resume needs the token: another name cannot be taken over', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	for (const guess of ['resume=AAAAAAAAAAAAAAAA', `resume=${bob.token}`]) {
		const attempt = await loginStructured(host.port, 'alice', ` ${guess}`).catch(
			(error: Error) => error.message,
		);
		assert.match(String(attempt), /REFUSED name-taken/, guess);
	}

	alice.send('SEND m1 bob :still me');
	assert.match(await bob.waitForLine(/^MSG /), /^MSG \d+ \d+ alice bob m1 :still me$/);
});
