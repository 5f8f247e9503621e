// The per-connection outbound queue: one write per tick, waiting on 'drain', a byte limit only a
// socket that stopped taking data can pass, and every relayed message accounted for.

import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import type {Socket} from 'node:net';
import {test} from 'node:test';
import type {Delivery, DeliveryListener, User} from '../source/host/relay/user.js';
import {FlushScheduler} from '../source/host/connection/flush-scheduler.js';
import {OutboundQueue} from '../source/host/connection/outbound-queue.js';
import {PresenceNews} from '../source/host/relay/presence-news.js';

class FakeSocket extends EventEmitter {
	writes: string[] = [];
	full = false;
	write(data: string | Buffer): boolean {
		this.writes.push(data.toString());
		return !this.full;
	}
}

function setup(maxBytes = 1000) {
	const socket = new FakeSocket();
	const scheduler = new FlushScheduler();
	const handed: string[] = [];
	const listener: DeliveryListener = {
		handedOver: (delivery) => handed.push(delivery.id),
		dropped() {
			assert.fail('nothing is dropped here');
		},
	};
	let overflows = 0;
	const owner = {
		queueOverflow() {
			overflows++;
		},
	};
	const queue = new OutboundQueue(
		socket as unknown as Socket,
		scheduler,
		maxBytes,
		owner,
		listener,
	);
	return {socket, scheduler, queue, handed, overflows: () => overflows};
}

function delivery(id: string, line: string): Delivery {
	const user = {} as User;
	return {id, time: 0, sender: user, ref: 'r', recipient: user, line};
}

test('lines queued in one tick leave in one write, each delivery handed over then', () => {
	const {socket, scheduler, queue, handed} = setup();
	queue.push('JOIN bob');
	queue.pushDelivery(delivery('1', 'MSG 1'));
	queue.pushDelivery(delivery('2', 'MSG 2'));
	assert.deepEqual(socket.writes, []);
	assert.deepEqual(handed, []);
	scheduler.flushNow();
	assert.deepEqual(socket.writes, ['JOIN bob\nMSG 1\nMSG 2\n']);
	assert.deepEqual(handed, ['1', '2']);
	assert.equal(queue.queuedBytes, 0);
});

test('a full socket gets nothing more until drain', () => {
	const {socket, scheduler, queue} = setup();
	socket.full = true;
	queue.push('one');
	scheduler.flushNow();
	queue.push('two');
	scheduler.flushNow();
	assert.deepEqual(socket.writes, ['one\n']);
	socket.full = false;
	socket.emit('drain');
	scheduler.flushNow();
	assert.deepEqual(socket.writes, ['one\n', 'two\n']);
});

test('past the byte limit only while blocked, the owner hears once; close returns what never left', () => {
	const {socket, scheduler, queue, overflows, handed} = setup(10);
	queue.push('x'.repeat(50));
	assert.equal(overflows(), 0, 'an unblocked socket takes it this tick');
	scheduler.flushNow();
	socket.full = true;
	queue.push('y');
	scheduler.flushNow();
	queue.pushDelivery(delivery('7', 'z'.repeat(20)));
	queue.pushDelivery(delivery('8', 'z'.repeat(20)));
	assert.equal(overflows(), 1);
	const undelivered = queue.close();
	assert.deepEqual(
		undelivered.map((each) => each.id),
		['7', '8'],
	);
	assert.deepEqual(handed, []);
	queue.push('after close');
	scheduler.flushNow();
	assert.equal(socket.writes.length, 2);
});

/** Resolves once `check` holds, polling (the batch is on a timer of its own). */
async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!check()) {
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

test('presence news waits for the batch, unless another line goes first and takes it along', async () => {
	const {socket, queue} = setup();
	const news = new PresenceNews(() => [queue]);
	queue.followNews(news);
	news.publish('JOIN ann');
	await new Promise((resolve) => setImmediate(resolve));
	assert.deepEqual(socket.writes, [], 'news does not go out with the tick');
	queue.push('MSG 1');
	await new Promise((resolve) => setImmediate(resolve));
	assert.deepEqual(socket.writes, ['JOIN ann\nMSG 1\n'], 'in order, in one write');
	news.publish('LEAVE ann');
	news.publish('JOIN bob');
	await until(() => socket.writes.length === 2, 'the batch');
	assert.deepEqual(socket.writes, ['JOIN ann\nMSG 1\n', 'LEAVE ann\nJOIN bob\n']);
});

test('each queue reads the news from where it started following, and can skip its own', () => {
	const first = setup();
	const second = setup();
	const news = new PresenceNews(() => [first.queue, second.queue]);
	first.queue.followNews(news);
	news.publish('JOIN ann');
	second.queue.followNews(news);
	news.publish('JOIN bob');
	second.queue.skipNews();
	news.publish('AWAY ann');
	news.flushNow();
	first.scheduler.flushNow();
	second.scheduler.flushNow();
	assert.deepEqual(first.socket.writes, ['JOIN ann\nJOIN bob\nAWAY ann\n']);
	assert.deepEqual(second.socket.writes, ['AWAY ann\n']);
	// The log starts again empty: nothing is sent twice.
	news.publish('BACK ann');
	news.flushNow();
	first.scheduler.flushNow();
	assert.deepEqual(first.socket.writes.at(-1), 'BACK ann\n');
});

test('a queue that does not follow the news (the plain face) never gets it', () => {
	const {socket, scheduler, queue} = setup();
	const news = new PresenceNews(() => [queue]);
	news.publish('JOIN ann');
	queue.push('Welcome!');
	news.flushNow();
	scheduler.flushNow();
	assert.deepEqual(socket.writes, ['Welcome!\n']);
});
