// The messages a host waits on another host's answer for (source/host/cluster/pending-answers.ts):
// counted per host they wait on, in characters of their lines, through a hold and a move, and
// every message fewer is told, so the outbox's window opens again.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {goneUser} from '../source/host/cluster/cluster-routing.js';
import {PendingAnswers} from '../source/host/cluster/pending-answers.js';
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
	pending.add(delivery('1', 10), 'hB');
	pending.add(delivery('2', 20), 'hB');
	pending.add(delivery('3', 40), undefined);
	assert.equal(pending.waitingOn('hB'), 30);
	assert.equal(pending.size, 3);

	// Held in Redis: it waits on nobody; taken on host C: it waits on C.
	pending.moveTo('1', undefined);
	pending.moveTo('3', 'hC');
	assert.deepEqual([pending.waitingOn('hB'), pending.waitingOn('hC')], [20, 40]);
	assert.deepEqual(eased, ['hB']);

	assert.equal(pending.delete('2')?.delivery.id, '2');
	assert.equal(pending.delete('2'), undefined);
	pending.delete('3');
	assert.deepEqual([pending.waitingOn('hB'), pending.waitingOn('hC')], [0, 0]);
	assert.deepEqual(eased, ['hB', 'hB', 'hC']);

	// Stamped again under the same id, it is counted once.
	pending.add(delivery('1', 10), 'hB');
	pending.add(delivery('1', 10), 'hB');
	assert.equal(pending.waitingOn('hB'), 10);
	assert.deepEqual(
		[...pending.entries()].map(([id]) => id),
		['1'],
	);
});
