// Presence news (JOIN, LEAVE, AWAY, BACK) is kept once and read by every structured user: it
// arrives in order with the user's other lines, exactly once, and never about the user itself.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginStructured, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

/** Users logging in at once in the storm test: enough for logins to overlap batches. */
const STORM_USERS = 40;

/** Sends PING and reads to its PONG: any news published before the PONG comes before it. */
async function readUntilPong(client: RawClient, token: string): Promise<void> {
	client.send(`PING ${token}`);
	await client.waitForLine((line) => line === `PONG ${token}`);
}

test('news of a login comes before a message sent right after it', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await connectRaw(host.port);
	// One write: the SEND is handled in the same tick as the login, long before the batch.
	bob.send('HELLO 1 bob\nSEND b1 alice :first words');
	const message = await alice.waitForLine(/^MSG /);
	assert.match(message, /^MSG \d+ \d+ bob alice b1 :first words$/);
	const before = alice.lines.slice(0, alice.lines.indexOf(message));
	assert.deepEqual(
		before.filter((line) => /^(JOIN|LEAVE)/.test(line)),
		['JOIN bob'],
	);
});

test('in a login storm everyone hears of everyone else exactly once: in the roster or as JOIN', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const names = Array.from({length: STORM_USERS}, (_, index) => `user${index}`);
	const users = await Promise.all(names.map(async (name) => loginStructured(host.port, name)));
	await Promise.all(users.map(async (user) => readUntilPong(user, 'storm')));
	for (const [index, user] of users.entries()) {
		const joined = user.lines
			.filter((line) => line.startsWith('JOIN '))
			.map((line) => line.slice('JOIN '.length));
		assert.ok(!joined.includes(names[index] ?? ''), `${names[index]} never hears of itself`);
		assert.ok(user.roster.includes(names[index] ?? ''), 'the roster includes you');
		assert.equal(new Set(joined).size, joined.length, `${names[index]}: no JOIN twice`);
		assert.deepEqual(
			[...user.roster, ...joined].sort(),
			[...names].sort(),
			`${names[index]}: roster and JOINs together are everyone, each once`,
		);
	}
});

test('a quit is news for the others, and a later login does not hear of it', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	bob.send('QUIT');
	await alice.waitForLine(/^LEAVE bob$/);
	const carol = await loginStructured(host.port, 'carol');
	await readUntilPong(carol, 'after');
	assert.deepEqual(carol.roster.sort(), ['alice', 'carol']);
	assert.deepEqual(
		carol.lines.filter((line) => /^(JOIN|LEAVE)/.test(line)),
		[],
	);
});
