// The built host under a low open-file limit (`ulimit -n`), while idle connects from many
// addresses try to take every descriptor (issue 13, "Many addresses"): logged-in users keep
// chatting, a newcomer still gets in, and the host never runs out of descriptors, because it
// keeps its sockets within what the limit leaves (docs/protocol.md "Limits").

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {startHostProcessWithOpenFiles} from './helpers/built-cli.js';
import {connectRaw, loginPlain, loginStructured, type RawClient} from './helpers/raw-client.js';

const OPEN_FILES = 128;
/** Idle connects from 127.0.0.2 … 127.0.0.9, each address within its default cap of 64. */
const ATTACK_ADDRESSES = 8;
const CONNECTS_PER_ADDRESS = 40;
/** Connects opened at once, between two round trips of the chat. */
const BATCH = 32;

function openFds(pid: number): number {
	return readdirSync(`/proc/${pid}/fd`).length;
}

test(`under ulimit -n ${OPEN_FILES}, idle connects from ${ATTACK_ADDRESSES} addresses never cut a user off`, async (t) => {
	const host = await startHostProcessWithOpenFiles(OPEN_FILES);
	const attackers: RawClient[] = [];
	t.after(async () => {
		for (const attacker of attackers) attacker.destroy();
		await host.stop();
	});
	assert.match(readFileSync(`/proc/${host.pid}/limits`, 'utf8'), /^Max open files\s+128\s+128\s/m);
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	alice.send('to:bob');
	let round = 0;
	const roundTrip = async () => {
		const n = round++;
		alice.send(`ping ${n}`);
		await bob.waitForLine(new RegExp(` alice bob - :ping ${n}$`));
		bob.send(`SEND r${n} alice :pong ${n}`);
		await alice.waitForLine(new RegExp(` bob: pong ${n}$`));
	};

	await roundTrip();
	let mostFds = 0;
	const total = ATTACK_ADDRESSES * CONNECTS_PER_ADDRESS;
	for (let first = 0; first < total; first += BATCH) {
		const batch = Array.from({length: BATCH}, async (_, offset) =>
			connectRaw(host.port, {localAddress: `127.0.0.${2 + ((first + offset) % ATTACK_ADDRESSES)}`}),
		);
		attackers.push(...(await Promise.all(batch)));
		await roundTrip();
		mostFds = Math.max(mostFds, openFds(host.pid));
	}

	assert.ok(mostFds < OPEN_FILES, `the host held ${mostFds} descriptors`);
	const held = attackers.filter((attacker) => !attacker.isClosed).length;
	assert.ok(held > 0 && held < total, `${held} of ${total} idle connects still open`);
	// Those that made way were told why before their socket closed.
	const madeWay = attackers.find((attacker) => attacker.isClosed);
	assert.match(
		madeWay?.lines[0] ?? '',
		/^REFUSED too-many-connections :too many connections are waiting/,
	);

	const carol = await loginStructured(host.port, 'carol');
	carol.send('SEND c1 bob :made it');
	assert.match(await bob.waitForLine(/ carol bob /), / carol bob c1 :made it$/);
	await roundTrip();
	assert.equal(alice.isClosed || bob.isClosed, false);
	assert.doesNotMatch(host.stderr(), /server error|error handling a line/);
});
