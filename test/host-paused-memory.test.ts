// A connection the rate limit holds back keeps what it sent as bytes, not as lines, and leaves the
// rest in the kernel (issue 13, "Memory per paused connection"): the host's memory stays near what
// the floods' unread bytes take while 128 users each flood 64 KiB of short lines, and once the
// flood rule has cut them off the host holds nothing of them (measured after a full garbage
// collection, as the bench does: what is left is what the host keeps, not garbage).

import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {residentBytes, startCollectableHost} from './helpers/collectable-host-process.js';
import {loginPlain, wrapSocket, type RawClient} from './helpers/raw-client.js';

/** Two addresses, each at its default cap of 64. */
const ADDRESSES = ['127.0.0.2', '127.0.0.3'];
const PER_ADDRESS = 64;
const FLOOD_BYTES = 64 * 1024;
/** Three bytes a line: about 21,800 lines in each flood. */
const FLOOD_LINE = 'hi\n';
const MIB = 1024 * 1024;
/** What the floods may add while they wait: their unread bytes (128 × 64 KiB = 8 MiB) and the
 * host's work on the lines that pass, with room for a busy machine. A host that split each read
 * into strings needs several times as much. */
const MAX_GROWTH_WHILE_PAUSED = 40 * MIB;
/** Once the floods are cut off and collected: what 128 logins and logouts leave in the allocator. */
const MAX_GROWTH_AFTER = 16 * MIB;
const STAGE_DEADLINE_MS = 20_000;

async function pollUntil(ready: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + STAGE_DEADLINE_MS;
	while (!ready()) {
		if (Date.now() > deadline)
			throw new Error(`${STAGE_DEADLINE_MS} ms passed waiting for ${what}`);
		await new Promise<void>((resolve) => {
			setTimeout(resolve, 20);
		});
	}
}

async function loginFrom(port: number, localAddress: string, name: string): Promise<RawClient> {
	const socket = net.connect({port, host: '127.0.0.1', localAddress});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	const client = wrapSocket(socket);
	client.send(name);
	assert.equal(await client.nextLine(), 'Welcome!');
	return client;
}

test('128 paused floods hold their bytes, not their lines, and give the memory back', async (t) => {
	// A short flood rule, so the cut-off comes soon after the floods are paused.
	const host = await startCollectableHost({floodDisconnectMs: 2000});
	const flooders: RawClient[] = [];
	t.after(async () => {
		for (const flooder of flooders) flooder.destroy();
		await host.stop();
	});
	for (const address of ADDRESSES) {
		const logins = Array.from({length: PER_ADDRESS}, async (_, index) =>
			loginFrom(host.port, address, `f${flooders.length + index}`),
		);
		flooders.push(...(await Promise.all(logins)));
	}

	const witness = await loginPlain(host.port, 'witness');
	await host.collectGarbage();
	const before = residentBytes(host.pid);
	const flood = Buffer.from(FLOOD_LINE.repeat(Math.floor(FLOOD_BYTES / FLOOD_LINE.length)));
	for (const flooder of flooders) flooder.sendRaw(flood);
	// Each flooder hears once that it is slowed down: by then the host has paused its socket.
	const slowed = () =>
		flooders.every((flooder) => flooder.lines.includes('You are sending too fast: slow down'));
	await pollUntil(slowed, 'every flooder to be slowed down');
	let during = residentBytes(host.pid);
	await pollUntil(() => {
		during = Math.max(during, residentBytes(host.pid));
		return flooders.every((flooder) => flooder.isClosed);
	}, 'the flood rule to cut every flooder off');
	const cut = flooders.filter((flooder) =>
		flooder.lines.includes('Disconnected: you kept sending too fast for 2 s'),
	);
	assert.equal(cut.length, flooders.length);
	await host.collectGarbage();
	const after = residentBytes(host.pid);
	t.diagnostic(
		`RSS before ${before >> 20} MiB, during ${during >> 20} MiB, after ${after >> 20} MiB`,
	);
	assert.ok(
		during - before < MAX_GROWTH_WHILE_PAUSED,
		`the paused floods grew RSS by ${(during - before) >> 20} MiB`,
	);
	assert.ok(after - before < MAX_GROWTH_AFTER, `RSS stayed ${(after - before) >> 20} MiB up`);
	witness.send('still');
	assert.equal(await witness.nextLine(), 'Please input the user who you want to chat with');
});
