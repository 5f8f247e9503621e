// A sender whose message fills a payload for another host is read on only in the next turn of
// the event loop (source/host/cluster/cluster-routing.ts): node-redis writes a PUBLISH when the
// loop turns, so without the pause a flood's senders went through all they had sent before the
// other host got any of it, and the two hosts took turns instead of working at once.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ClusterRouting} from '../source/host/cluster/cluster-routing.js';
import {PUBLISH_BATCH_CHARS} from '../source/host/cluster/cluster-limits.js';
import type {RedisLink} from '../source/host/cluster/redis-link.js';
import {User, type Delivery, type UserLink} from '../source/host/relay/user.js';

type Sender = {user: User; holds: Array<Promise<unknown>>};

function sender(name: string): Sender {
	const user = new User(name, name, 'plain');
	const holds: Array<Promise<unknown>> = [];
	const link: UserLink = {
		send() {},
		sendDelivery() {},
		close() {},
		catchUpNews() {},
		skipNews() {},
		holdLinesUntil(settled) {
			holds.push(settled);
		},
	};
	user.link = link;
	return {user, holds};
}

test('the senders of a turn in which a payload was sealed are read on once the loop has turned, after its PUBLISH', async () => {
	const events: string[] = [];
	const link = {
		up: true,
		publisher: {
			async publish() {
				// As node-redis does: the command is written when the event loop turns.
				setImmediate(() => events.push('PUBLISH written'));
				return 1;
			},
		},
	} as unknown as RedisLink;
	const bob = new User('bob', 'bob', 'plain');
	const routing = new ClusterRouting('hA', link, {byKey: () => undefined, isLocal: () => false});
	const alice = sender('alice');
	const carol = sender('carol');
	const line = 'x'.repeat(100);
	let id = 0;
	const message = (from: Sender): Delivery => ({
		id: String(++id),
		time: 1,
		sender: from.user,
		ref: undefined,
		recipient: bob,
		line,
	});
	const perPayload = Math.ceil(PUBLISH_BATCH_CHARS / line.length);
	for (let index = 0; index < perPayload / 2; index++) routing.forward('hB', message(alice));
	assert.equal(alice.holds.length, 0, 'nobody is held before a payload is full');
	for (let index = 0; index < perPayload && alice.holds.length === 0; index++) {
		routing.forward('hB', message(alice));
	}

	assert.equal(alice.holds.length, 1, 'the sender whose message filled the payload is held');
	routing.forward('hB', message(carol));
	assert.equal(carol.holds.length, 1, 'a sender in the same turn is held too');
	assert.equal(carol.holds[0], alice.holds[0]);
	await alice.holds[0]?.then(() => events.push('senders read on'));
	assert.deepEqual(events, ['PUBLISH written', 'senders read on']);

	routing.forward('hB', message(carol));
	assert.equal(carol.holds.length, 1, 'in the next turn, a payload not full holds nobody');
	routing.stop();
});
