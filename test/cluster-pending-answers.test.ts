// The messages a host waits on another host's answer for (source/host/cluster/pending-answers.ts):
// counted per host they wait on, in characters of their lines, through a hold and a move, and
// every message fewer is told, so the outbox's window opens again; one on its way is found by its
// number, one held by its id, and one on its way by its id too (its recipient's host held it again).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {goneUser} from '../source/host/cluster/cluster-routing.js';
import {SEQ_LIMIT} from '../source/host/cluster/host-frames.js';
import {
	MAX_RING_SLOTS,
	PendingAnswers,
	type Pending,
} from '../source/host/cluster/pending-answers.js';
import type {Delivery} from '../source/host/relay/user.js';

/** A message whose line is `chars` characters long. */
function delivery(id: string, chars: number): Delivery {
	const sender = goneUser('alice', 'alice');
	const line = 'x'.repeat(chars);
	return {id, time: 1, sender, ref: undefined, recipient: goneUser('bob', 'bob'), line};
}

test('messages are counted on the host they wait on, by their lines, and each one fewer is told', () => {
	const eased: string[] = [];
	const pending = new PendingAnswers((host) => eased.push(host));
	const first = pending.send(delivery('1', 10), 'hB');
	const second = pending.send(delivery('2', 20), 'hB');
	pending.hold(delivery('3', 40));
	assert.equal(pending.waitingOn('hB'), 30);
	assert.equal(pending.size, 3);
	assert.notEqual(first.seq, second.seq);

	// Held in Redis: it waits on nobody; taken on host C: it waits on C.
	assert.equal(pending.heldThere(first.seq ?? -1)?.delivery.id, '1');
	const third = pending.sendHeld('3', 'hC');
	assert.equal(third?.host, 'hC');
	assert.deepEqual([pending.waitingOn('hB'), pending.waitingOn('hC')], [20, 40]);
	assert.deepEqual(eased, ['hB']);

	assert.equal(pending.takeSent(second.seq ?? -1)?.delivery.id, '2');
	assert.equal(pending.takeSent(second.seq ?? -1), undefined);
	assert.equal(pending.takeById('3')?.delivery.id, '3');
	assert.deepEqual([pending.waitingOn('hB'), pending.waitingOn('hC')], [0, 0]);
	assert.deepEqual(eased, ['hB', 'hB', 'hC']);

	// Held again under the same id, it is kept once.
	pending.hold(delivery('1', 10));
	assert.deepEqual(
		[...pending.entries()].map((entry) => entry.delivery.id),
		['1'],
	);
	assert.equal(pending.takeById('1')?.delivery.id, '1');
	assert.equal(pending.size, 0);
});

test('a message is forgotten once, by whichever answer or failure comes first', () => {
	const pending = new PendingAnswers(() => {});
	const sent = pending.send(delivery('5', 10), 'hB');
	assert.equal(pending.remove(sent), true);
	assert.equal(pending.remove(sent), false);
	assert.equal(pending.waitingOn('hB'), 0);

	const held = delivery('6', 10);
	pending.hold(held);
	assert.equal(pending.heldAs(delivery('6', 10)), undefined, 'another message of that id');
	const entry = pending.heldAs(held);
	assert.ok(entry);
	assert.equal(pending.remove(entry), true);
	assert.equal(pending.takeById('6'), undefined);

	// Its recipient's host held it again, or handed it on after a resume: answered by its id.
	pending.send(delivery('7', 10), 'hB');
	assert.equal(pending.takeById('7')?.delivery.id, '7');
	assert.equal(pending.waitingOn('hB'), 0);
});

test('numbers go round at SEQ_LIMIT, and the messages on either side of it are each found once', () => {
	const pending = new PendingAnswers(() => {}, SEQ_LIMIT - 3);
	const sent = Array.from({length: 6}, (_, index) =>
		pending.send(delivery(String(index), 1), 'hB'),
	);
	assert.deepEqual(
		sent.map((entry) => entry.seq),
		[SEQ_LIMIT - 3, SEQ_LIMIT - 2, SEQ_LIMIT - 1, 0, 1, 2],
	);
	assert.equal(pending.takeSent(0)?.delivery.id, '3');
	assert.equal(pending.takeSent(SEQ_LIMIT - 3)?.delivery.id, '0');
	assert.deepEqual(
		[...pending.entries()].map((entry) => entry.delivery.id),
		['1', '2', '4', '5'],
	);
	for (const seq of [SEQ_LIMIT - 2, SEQ_LIMIT - 1, 1, 2]) assert.ok(pending.takeSent(seq));
	assert.equal(pending.size, 0);
	assert.equal(pending.waitingOn('hB'), 0);
});

test('one answer that never comes in a flood does not lose or mix up the others', () => {
	const pending = new PendingAnswers(() => {});
	const stuck = pending.send(delivery('stuck', 3), 'hB');
	// Far more messages than the ring holds are sent and answered while the first one waits.
	const count = MAX_RING_SLOTS * 3;
	for (let index = 0; index < count; index++) {
		const entry = pending.send(delivery(`m${index}`, 1), 'hB');
		if (index % 2 === 1)
			assert.equal(pending.takeSent((entry.seq ?? 0) - 1)?.delivery.id, `m${index - 1}`);
		if (index % 2 === 1) assert.equal(pending.takeSent(entry.seq ?? 0)?.delivery.id, `m${index}`);
	}

	assert.equal(pending.size, 1);
	assert.equal(pending.waitingOn('hB'), 3);
	assert.deepEqual(
		[...pending.entries()].map((entry) => entry.delivery.id),
		['stuck'],
	);
	// Still found by its number and by its id, and only once.
	assert.equal(pending.remove(stuck), true);
	assert.equal(pending.takeSent(stuck.seq ?? -1), undefined);
	assert.equal(pending.size, 0);

	// Out of order, across a ring that grows: each is given back by its own number.
	const many = Array.from({length: 5000}, (_, index) =>
		pending.send(delivery(`n${index}`, 1), 'hB'),
	);
	for (const entry of [...many].reverse()) assert.equal(pending.takeSent(entry.seq ?? -1), entry);
	assert.equal(pending.size, 0);
});

test('a message with no answer is taken as overdue once a mark taken before it was sent is the timeout old', () => {
	const timeout = 800;
	const pending = new PendingAnswers(() => {}, SEQ_LIMIT - 2);
	const ids = (entries: readonly Pending[]) => entries.map((entry) => entry.delivery.id);
	const first = pending.send(delivery('first', 1), 'hB');
	assert.deepEqual(ids(pending.takeOverdue(0, timeout)), []);
	pending.send(delivery('second', 1), 'hB');
	const answered = pending.send(delivery('answered', 1), 'hB');
	pending.hold(delivery('held', 1));
	assert.deepEqual(ids(pending.takeOverdue(100, timeout)), []);
	// Past the wrap of the numbers, after the mark at 100.
	pending.send(delivery('third', 1), 'hB');
	assert.ok(pending.takeSent(answered.seq ?? -1));
	assert.deepEqual(ids(pending.takeOverdue(799, timeout)), [], 'nothing is the timeout old yet');
	assert.deepEqual(ids(pending.takeOverdue(800, timeout)), ['first']);
	assert.equal(pending.takeSent(first.seq ?? -1), undefined, 'taken once');
	assert.deepEqual(ids(pending.takeOverdue(900, timeout)), ['second']);
	assert.deepEqual(ids(pending.takeOverdue(2000, timeout)), ['third']);
	assert.deepEqual(ids([...pending.entries()]), ['held'], 'a held message waits for its recipient');
	assert.equal(pending.waitingOn('hB'), 0);
});
