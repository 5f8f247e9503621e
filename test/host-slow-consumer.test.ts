// Slow consumers (docs/protocol.md "Limits", outbound queue): a client that stops reading is cut
// off once its queue passes the byte limit; every sender of a dropped message gets FAILED, no
// sender gets both results, and two other users keep chatting throughout.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_OUTBOUND_QUEUE_BYTES} from '../source/protocol/limits.js';
import {loginStructured, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('the default outbound queue limit is 1 MiB', () => {
	assert.equal(MAX_OUTBOUND_QUEUE_BYTES, 1024 * 1024);
});

/** Sends one line and resolves once the kernel took it, so a flood is paced by TCP. */
async function write(client: RawClient, line: string): Promise<void> {
	return new Promise((resolve) => {
		client.socket.write(line + '\n', () => resolve());
	});
}

/** B and D chat back and forth until `stop()`; resolves with the number of round trips. */
function keepChatting(b: RawClient, d: RawClient): {stop(): void; rounds: Promise<number>} {
	let running = true;
	const rounds = (async () => {
		let count = 0;
		while (running) {
			b.send(`SEND b${count} dee :ping ${count}`);
			await d.waitForLine(new RegExp(` b${count} :ping ${count}$`));
			d.send(`SEND d${count} bee :pong ${count}`);
			await b.waitForLine(new RegExp(` d${count} :pong ${count}$`));
			count++;
		}

		return count;
	})();
	return {
		stop() {
			running = false;
		},
		rounds,
	};
}

test('a reader that stops is cut off; each dropped message fails; others are unaffected', async (t) => {
	const host = await startTestHost({rate: 0, maxOutboundBytes: 64 * 1024});
	t.after(() => host.stop());
	const sender = await loginStructured(host.port, 'sender');
	const slow = await loginStructured(host.port, 'slow');
	const bee = await loginStructured(host.port, 'bee');
	const dee = await loginStructured(host.port, 'dee');
	await sender.waitForLine(/^JOIN dee$/);
	slow.socket.pause();
	const chat = keepChatting(bee, dee);

	const text = 'x'.repeat(8000);
	let sent = 0;
	let cut = false;
	let seen = 0;
	// Bounded: the kernel's socket buffers fill long before this many bytes.
	while (!cut && sent < 20_000) {
		await write(sender, `SEND s${sent} slow :${text}`);
		sent++;
		for (; seen < sender.lines.length; seen++) {
			if (/^(LEAVE slow|FAILED \S+ slow-consumer )/.test(sender.lines[seen] ?? '')) cut = true;
		}
	}

	assert.ok(cut, `the slow reader was never cut off after ${sent} messages`);
	const results = new Map<string, string>();
	await sender.waitForLine((line) => {
		const result = /^(DELIVERED|FAILED) (s\d+) (\S+)/.exec(line);
		if (result) {
			const [, verb, ref, code] = result;
			assert.ok(!results.has(ref ?? ''), `two results for ${ref}`);
			results.set(ref ?? '', verb === 'FAILED' ? (code ?? '') : 'delivered');
		}

		return results.size === sent;
	}, 10_000);
	const codes = new Set(results.values());
	assert.ok(codes.has('slow-consumer'), [...codes].join());
	for (const code of codes)
		assert.ok(['delivered', 'slow-consumer', 'no-such-user'].includes(code), code);
	assert.ok(host.log.some((line) => line.startsWith('slow consumer')));

	// bee and dee kept chatting during the flood and still do after it.
	chat.stop();
	const during = await chat.rounds;
	assert.ok(during > 0, 'bee and dee exchanged messages during the flood');
	bee.send('SEND after dee :still here');
	assert.match(await dee.waitForLine(/ after :/), / after :still here$/);

	slow.socket.resume();
	await slow.closed;
});
