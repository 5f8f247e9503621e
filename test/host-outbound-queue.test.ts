// The per-connection outbound queue: one write per tick, waiting on 'drain', a byte limit only a
// socket that stopped taking data can pass, and every relayed message accounted for.

import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import type {Socket} from 'node:net';
import {test} from 'node:test';
import type {Delivery, DeliveryListener} from '../source/host/delivery.js';
import {FlushScheduler} from '../source/host/flush-scheduler.js';
import {OutboundQueue} from '../source/host/outbound-queue.js';
import type {User} from '../source/host/user.js';

class FakeSocket extends EventEmitter {
	writes: string[] = [];
	full = false;
	write(data: string): boolean {
		this.writes.push(data);
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

test('presence lines wait for the batch, unless another line goes first and takes them along', async () => {
	const {socket, queue} = setup();
	queue.pushBatch('JOIN ann');
	await new Promise((resolve) => setImmediate(resolve));
	assert.deepEqual(socket.writes, [], 'a batched line does not go out with the tick');
	queue.push('MSG 1');
	await new Promise((resolve) => setImmediate(resolve));
	assert.deepEqual(socket.writes, ['JOIN ann\nMSG 1\n'], 'in order, in one write');
	queue.pushBatch('LEAVE ann');
	queue.pushBatch('JOIN bob');
	const deadline = Date.now() + 5000;
	while (socket.writes.length < 2 && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}

	assert.deepEqual(socket.writes, ['JOIN ann\nMSG 1\n', 'LEAVE ann\nJOIN bob\n']);
});
