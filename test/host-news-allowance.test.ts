// Presence news to one client is paced (docs/protocol.md "On a slow link"): past its allowance the
// news waits in the log and the client's messages go first, so on a slow link news never fills
// the kernel's buffers ahead of them.

import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import type {Socket} from 'node:net';
import {test} from 'node:test';
import {FlushScheduler} from '../source/host/connection/flush-scheduler.js';
import {NewsAllowance} from '../source/host/connection/news-allowance.js';
import {OutboundQueue} from '../source/host/connection/outbound-queue.js';
import {PresenceNews} from '../source/host/relay/presence-news.js';
import {
	MAX_NAME_LENGTH,
	PRESENCE_NEWS_BURST_BYTES,
	PRESENCE_NEWS_BYTES_PER_SECOND,
} from '../source/protocol/limits.js';

test('a burst at once, then the rate; a full allowance takes even what is larger', () => {
	const allowance = new NewsAllowance(0);
	assert.equal(allowance.take(PRESENCE_NEWS_BURST_BYTES - 100, 0), true);
	assert.equal(allowance.take(200, 0), false, 'only 100 bytes are left');
	assert.equal(allowance.take(100, 0), true);
	const second = 1000;
	assert.equal(allowance.take(PRESENCE_NEWS_BYTES_PER_SECOND, second), true, 'refilled in 1 s');
	assert.equal(allowance.take(PRESENCE_NEWS_BURST_BYTES * 4, 10 * second), true, 'full: anything');
	assert.equal(allowance.take(1, 11 * second), false, 'in debt for a while after');
});

class FakeSocket extends EventEmitter {
	writes: string[] = [];
	write(data: string | Buffer): boolean {
		this.writes.push(data.toString());
		return true;
	}
}

async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!check()) {
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

test('news past the allowance waits, and a message goes out before it', async () => {
	const socket = new FakeSocket();
	const scheduler = new FlushScheduler();
	const listener = {handedOver() {}, dropped() {}};
	const queue = new OutboundQueue(
		socket as unknown as Socket,
		scheduler,
		1_000_000,
		{queueOverflow() {}},
		listener,
	);
	const news = new PresenceNews(
		() => [queue],
		() => [],
	);
	queue.followNews(news);
	// More than the whole burst of names that never cancel: it goes, and spends the allowance.
	const longName = (index: number) => `u${index}`.padEnd(MAX_NAME_LENGTH, 'x');
	const storm = Math.ceil(PRESENCE_NEWS_BURST_BYTES / 30);
	for (let index = 0; index < storm; index++) news.publish(`JOIN ${longName(index)}`);
	news.flushNow();
	assert.equal(socket.writes.length, 1, 'the storm went out in one write');
	news.publish('JOIN late');
	queue.push('MSG 1');
	await new Promise((resolve) => setImmediate(resolve));
	assert.deepEqual(socket.writes.at(-1), 'MSG 1\n', 'the message did not wait for the news');
	await until(() => socket.writes.includes('JOIN late\n'), 'the news once the allowance refilled');
	assert.deepEqual(socket.writes.slice(1), ['MSG 1\n', 'JOIN late\n']);
});
