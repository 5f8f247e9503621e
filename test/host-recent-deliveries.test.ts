// The ring of the last messages handed to a user: oldest first, bounded, empty after clear.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Delivery} from '../source/host/delivery.js';
import {RecentDeliveries} from '../source/host/recent-deliveries.js';
import type {User} from '../source/host/user.js';

function delivery(id: number): Delivery {
	const user = {} as User;
	return {id: String(id), time: 0, sender: user, ref: undefined, recipient: user, line: `m${id}`};
}

const ids = (recent: RecentDeliveries) => recent.toArray().map((each) => each.id);

test('keeps the last max deliveries, oldest first, however often it wraps', () => {
	const recent = new RecentDeliveries(3);
	assert.deepEqual(ids(recent), []);
	recent.push(delivery(1));
	recent.push(delivery(2));
	assert.deepEqual(ids(recent), ['1', '2']);
	for (let id = 3; id <= 8; id++) recent.push(delivery(id));
	assert.deepEqual(ids(recent), ['6', '7', '8']);
	recent.push(delivery(9));
	assert.deepEqual(ids(recent), ['7', '8', '9']);
});

test('clear forgets everything, and it fills again from the start', () => {
	const recent = new RecentDeliveries(2);
	for (let id = 1; id <= 5; id++) recent.push(delivery(id));
	recent.clear();
	assert.deepEqual(ids(recent), []);
	recent.push(delivery(6));
	assert.deepEqual(ids(recent), ['6']);
});
