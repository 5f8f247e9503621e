// Connections per address are capped (docs/protocol.md "Limits"); 0 removes the cap.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DEFAULT_MAX_PER_ADDRESS} from '../source/protocol/limits.js';
import {connectRaw, loginPlain, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('the default cap is 64 connections per address', () => {
	assert.equal(DEFAULT_MAX_PER_ADDRESS, 64);
});

test('past the cap a connection is refused; closing one makes room again', async (t) => {
	const host = await startTestHost({maxPerAddress: 2});
	t.after(() => host.stop());
	const first = await loginPlain(host.port, 'first');
	await connectRaw(host.port);
	const third = await connectRaw(host.port);
	assert.match(await third.nextLine(), /^REFUSED too-many-connections :too many connections from /);
	await third.closed;
	first.send('quit');
	await first.closed;
	// The host counts the slot free once it saw the socket close; poll until it did.
	const deadline = Date.now() + 5000;
	let admitted: RawClient | undefined;
	while (admitted === undefined && Date.now() < deadline) {
		const attempt = await connectRaw(host.port);
		attempt.send('fourth');
		const reply = await attempt.nextLine();
		if (reply === 'Welcome!') admitted = attempt;
		else await attempt.closed;
	}

	assert.ok(admitted, 'a slot was freed');
});

test('--max-per-address 0 means no cap', async (t) => {
	const host = await startTestHost({maxPerAddress: 0});
	t.after(() => host.stop());
	const clients = await Promise.all(Array.from({length: 80}, async () => connectRaw(host.port)));
	const last = clients.at(-1);
	last?.send('late');
	assert.equal(await last?.nextLine(), 'Welcome!');
});
