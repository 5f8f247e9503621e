import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createPendingSends} from '../source/client/pending-sends.js';

const message = (ref: string) => ({ref, to: 'bob', text: `text ${ref}`});

test('messages are written once, in the order they were sent', () => {
	const queue = createPendingSends();
	queue.add(message('a'));
	queue.add(message('b'));
	assert.deepEqual(
		queue.takeUnwritten().map((m) => m.ref),
		['a', 'b'],
	);
	assert.deepEqual(queue.takeUnwritten(), []);
	queue.add(message('c'));
	assert.deepEqual(
		queue.takeUnwritten().map((m) => m.ref),
		['c'],
	);
});

test('after a drop, every unsettled message is written again in the original order', () => {
	const queue = createPendingSends();
	for (const ref of ['a', 'b', 'c', 'd']) queue.add(message(ref));
	queue.takeUnwritten();
	assert.equal(queue.settle('b'), true);
	queue.markAllUnwritten();
	queue.add(message('e'));
	assert.deepEqual(
		queue.takeUnwritten().map((m) => m.ref),
		['a', 'c', 'd', 'e'],
	);
});

test('a ref settles once', () => {
	const queue = createPendingSends();
	queue.add(message('a'));
	assert.equal(queue.settle('a'), true);
	assert.equal(queue.settle('a'), false);
	assert.equal(queue.settle('unknown'), false);
});

test('the queue is bounded and drains everything it held', () => {
	const queue = createPendingSends(2);
	assert.equal(queue.add(message('a')), true);
	assert.equal(queue.add(message('b')), true);
	assert.equal(queue.add(message('c')), false);
	assert.equal(queue.size, 2);
	assert.deepEqual(
		queue.drain().map((m) => m.ref),
		['a', 'b'],
	);
	assert.equal(queue.size, 0);
});
