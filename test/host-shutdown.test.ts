// Stopping the host tells every client why, in its own face, and closes them.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('shutdown: plain users read the sentence, structured ones BYE shutdown', async () => {
	const host = await startTestHost();
	const plain = await loginPlain(host.port, 'alice');
	const structured = await loginStructured(host.port, 'bob');
	const idle = await connectRaw(host.port);
	await host.stop();
	assert.equal(await plain.nextLine(), 'The host is shutting down');
	assert.equal(await structured.nextLine(), 'BYE shutdown :the host is shutting down');
	await Promise.all([plain.closed, structured.closed, idle.closed]);
	assert.deepEqual(host.stats(), {connections: 0, users: 0});
});

test('messages queued before shutdown still arrive, with their results', async () => {
	const host = await startTestHost();
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.send('SEND last bob :before the end');
	await bob.waitForLine(/ :before the end$/);
	await host.stop();
	assert.match(await alice.nextLine(), /^DELIVERED last /);
	assert.equal(await alice.nextLine(), 'BYE shutdown :the host is shutting down');
});
