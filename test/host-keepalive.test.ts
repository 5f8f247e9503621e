// Keepalive on the structured face (docs/protocol.md "Limits"): a silent client is pinged, and
// one that does not answer is dropped; it may still resume within the grace period.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PING_AFTER_SILENCE_MS, PONG_TIMEOUT_MS} from '../source/protocol/limits.js';
import {connectRaw, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('defaults: ping after 30 s of silence, drop 30 s later', () => {
	assert.equal(PING_AFTER_SILENCE_MS, 30_000);
	assert.equal(PONG_TIMEOUT_MS, 30_000);
});

test('a client that never answers PING gets BYE ping-timeout and goes away, keeping its name', async (t) => {
	const host = await startTestHost({pingAfterSilenceMs: 100, pongTimeoutMs: 100});
	t.after(() => host.stop());
	const mute = await loginStructured(host.port, 'mute');
	assert.match(await mute.nextLine(), /^PING \S+$/);
	assert.equal(await mute.nextLine(), 'BYE ping-timeout :no answer to PING within 0.1 s');
	await mute.closed;
	assert.ok(host.log.includes('away mute: ping-timeout'), host.log.join('\n'));
	// Away, not gone: the name waits for a resume.
	const other = await connectRaw(host.port);
	other.send('HELLO 1 mute');
	assert.match(await other.nextLine(), /^REFUSED name-taken /);
});

test('a client that answers PONG is kept across several ping rounds', async (t) => {
	const host = await startTestHost({pingAfterSilenceMs: 50, pongTimeoutMs: 5000});
	t.after(() => host.stop());
	const client = await loginStructured(host.port, 'talker');
	for (let round = 0; round < 4; round++) {
		const ping = /^PING (\S+)$/.exec(await client.nextLine());
		assert.ok(ping);
		client.send(`PONG ${ping[1]}`);
	}

	client.send('PING me');
	assert.equal(await client.waitForLine(/^PONG/), 'PONG me');
	assert.equal(client.isClosed, false);
});
