// The per-client token bucket (docs/protocol.md "Limits", line rate): a burst passes at once, a
// sustained flood is slowed, and a client that keeps flooding is told why and disconnected.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DEFAULT_BURST_LINES, DEFAULT_RATE_LINES_PER_SECOND} from '../source/protocol/limits.js';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('defaults: 20 lines a second, bursts of 100', () => {
	assert.equal(DEFAULT_RATE_LINES_PER_SECOND, 20);
	assert.equal(DEFAULT_BURST_LINES, 100);
});

test('a paste of 100 lines goes through at once, with no warning', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.socket.write(
		Array.from({length: 100}, (_, index) => `SEND p${index} bob :line ${index}\n`).join(''),
	);
	for (let index = 0; index < 100; index++) {
		assert.match(await alice.nextLine(), new RegExp(`^DELIVERED p${index} `));
	}

	assert.ok(!alice.lines.some((line) => line.startsWith('ERROR')));
});

test('a flood past the burst is slowed to the rate: one warning, every line arrives in order', async (t) => {
	const host = await startTestHost({rate: 50, burst: 10});
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	alice.send('to:bob');
	await new Promise<void>((resolve) => {
		alice.socket.write('', () => resolve());
	});
	const started = Date.now();
	alice.socket.write(Array.from({length: 40}, (_, index) => `flood ${index}\n`).join(''));
	for (let index = 0; index < 40; index++) {
		assert.match(await bob.nextLine(), new RegExp(`\\] alice: flood ${index}$`));
	}

	// 30 lines past the burst at 50 a second cannot take less than about 0.6 s.
	assert.ok(Date.now() - started >= 500, `took ${Date.now() - started} ms`);
	assert.equal(await alice.nextLine(), 'You are sending too fast: slow down');
	alice.send('quit');
	assert.equal(await alice.nextLine(), 'quit');
});

test('a client that keeps flooding is told why and disconnected; others go on', async (t) => {
	const host = await startTestHost({rate: 10, burst: 5, floodDisconnectMs: 300});
	t.after(() => host.stop());
	const flooder = await loginStructured(host.port, 'flooder');
	const plainFlooder = await loginPlain(host.port, 'pf');
	const calm = await loginStructured(host.port, 'calm');
	flooder.socket.write('PING x\n'.repeat(5000));
	plainFlooder.socket.write('text\n'.repeat(5000));
	assert.equal(
		await flooder.waitForLine(/^ERROR/),
		'ERROR flood :you are sending too fast: slow down',
	);
	assert.equal(await flooder.waitForLine(/^BYE/), 'BYE flood :you kept sending too fast for 0.3 s');
	await flooder.closed;
	assert.equal(await plainFlooder.waitForLine(/^You/), 'You are sending too fast: slow down');
	assert.equal(
		await plainFlooder.waitForLine(/^Disconnected/),
		'Disconnected: you kept sending too fast for 0.3 s',
	);
	await plainFlooder.closed;
	assert.equal(await calm.waitForLine(/^LEAVE flooder$/), 'LEAVE flooder');
	calm.send('PING calm');
	assert.equal(await calm.waitForLine(/^PONG/), 'PONG calm');
});

test('--rate 0 means no limit', async (t) => {
	const host = await startTestHost({rate: 0, burst: 1});
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	alice.socket.write('PING n\n'.repeat(1000));
	for (let index = 0; index < 1000; index++) assert.equal(await alice.nextLine(), 'PONG n');
});
