// Presence news never stands in the way of private messages, and never piles up for a slow reader
// (docs/protocol.md "Host → client", presence batches): while a structured user's socket is full,
// its messages go first and its news waits; past MAX_PRESENCE_BACKLOG it gets one roster snapshot.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_PRESENCE_BACKLOG} from '../source/protocol/limits.js';
import {connectRaw, loginPlain, loginStructured, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {stallReader} from './helpers/stalled-reader.js';

/** A host that lets one sender fill a reader's link: no line rate, a queue far past the fill. */
const FILLING = {rate: 0, loginRate: 0, maxPerAddress: 0, maxOutboundBytes: 256 * 1024 * 1024};
/** Reading the whole fill back can take a while on a loaded machine. */
const DRAIN_WAIT_MS = 30_000;

/** Logs in and out on the plain face `count` times, one after the other. */
async function churn(port: number, count: number): Promise<void> {
	for (let index = 0; index < count; index++) {
		const client = await connectRaw(port);
		client.send(`churn${index}\nquit`);
		await client.closed;
	}
}

test('a private message goes out ahead of news queued on a full link', async (t) => {
	const host = await startTestHost(FILLING);
	t.after(() => host.stop());
	const slow = await loginStructured(host.port, 'slow');
	const sender = await loginStructured(host.port, 'sender');
	await slow.waitForLine(/^JOIN sender$/);
	const filled = await stallReader(slow, 'slow', sender);
	const newcomers: RawClient[] = [];
	for (const name of ['ann', 'ben', 'cyd']) newcomers.push(await loginPlain(host.port, name));
	sender.send('SEND urgent slow :read me first');
	slow.socket.resume();
	const urgent = await slow.waitForLine(/ sender slow urgent :read me first$/, DRAIN_WAIT_MS);
	await slow.waitForLine(/^JOIN cyd$/, DRAIN_WAIT_MS);
	const order = slow.lines.filter((line) => line === urgent || line.startsWith('JOIN '));
	assert.deepEqual(order, ['JOIN sender', urgent, 'JOIN ann', 'JOIN ben', 'JOIN cyd']);
	await sender.waitForLine(/^DELIVERED urgent /);
	assert.equal(
		slow.lines.filter((line) => line.startsWith('MSG ')).length,
		filled + 1,
		'every message arrived, once',
	);
});

test('past the backlog a stalled reader gets one roster snapshot instead of the news', async (t) => {
	const host = await startTestHost(FILLING);
	t.after(() => host.stop());
	const slow = await loginStructured(host.port, 'slow');
	const sender = await loginStructured(host.port, 'sender');
	const bystander = await loginStructured(host.port, 'bystander');
	await slow.waitForLine(/^JOIN bystander$/);
	const filled = await stallReader(slow, 'slow', sender);
	// Each login and logout is two lines of news, in batches of their own.
	await churn(host.port, MAX_PRESENCE_BACKLOG / 2 + 10);
	const stayed = await loginPlain(host.port, 'stayed');
	bystander.send('QUIT');
	await bystander.closed;
	// The batch that finds the reader past the backlog drops its news; then it reads again.
	await sender.waitForLine(/^JOIN stayed$/);
	await sender.waitForLine(/^LEAVE bystander$/);
	slow.socket.resume();
	await slow.waitForLine(/^USERS-END$/, DRAIN_WAIT_MS);
	const afterFill = slow.lines.slice(
		slow.lines.findLastIndex((line) => line.startsWith('MSG ')) + 1,
	);
	const users = afterFill
		.filter((line) => line.startsWith('USERS '))
		.flatMap((line) => line.split(' ').slice(1));
	assert.deepEqual(users.sort(), ['sender', 'slow', 'stayed']);
	assert.deepEqual(
		slow.lines.filter((line) => /^(JOIN|LEAVE) /.test(line)),
		['JOIN sender', 'JOIN bystander'],
		'none of the storm news, only the snapshot',
	);
	assert.equal(slow.lines.filter((line) => line.startsWith('MSG ')).length, filled);
	assert.equal(
		slow.lines.filter((line) => line === 'USERS-END').length,
		2,
		'the login, one snapshot',
	);
	stayed.destroy();
});
