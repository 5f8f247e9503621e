// The ring of the last messages handed to a user: oldest first, bounded, empty after clear.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {deliveredFromMsg, encodeMsg, msgIdAndTime} from '../source/protocol/structured-messages.js';
import {RecentMessages} from '../source/host/relay/recent-messages.js';

function msgLine(id: number): string {
	return encodeMsg(id, 1_700_000_000_000 + id, 'ann', 'bob', `r${id}`, `text ${id}`);
}

const ids = (recent: RecentMessages) => recent.toArray().map((line) => msgIdAndTime(line).id);

test('keeps the last max lines, oldest first, however often it wraps', () => {
	const recent = new RecentMessages(3);
	assert.deepEqual(ids(recent), []);
	recent.push(msgLine(1));
	recent.push(msgLine(2));
	assert.deepEqual(ids(recent), ['1', '2']);
	for (let id = 3; id <= 8; id++) recent.push(msgLine(id));
	assert.deepEqual(ids(recent), ['6', '7', '8']);
	recent.push(msgLine(9));
	assert.deepEqual(ids(recent), ['7', '8', '9']);
});

test('clear forgets everything, and it fills again from the start', () => {
	const recent = new RecentMessages(2);
	for (let id = 1; id <= 5; id++) recent.push(msgLine(id));
	recent.clear();
	assert.deepEqual(ids(recent), []);
	recent.push(msgLine(6));
	assert.deepEqual(ids(recent), ['6']);
});

test('after(id) gives the lines with a greater id, oldest first', () => {
	const recent = new RecentMessages(5);
	for (let id = 8; id <= 12; id++) recent.push(msgLine(id));
	assert.deepEqual(
		recent.after(9).map((line) => msgIdAndTime(line).id),
		['10', '11', '12'],
	);
	assert.deepEqual(recent.after(12), []);
	assert.equal(recent.after(0).length, 5);
});

test('an MSG line gives back its id and time, and its DELIVERED', () => {
	const line = encodeMsg(42, 1_700_000_000_123, 'ann', 'bob', 'm7', 'a text: with spaces');
	assert.deepEqual(msgIdAndTime(line), {id: '42', time: '1700000000123'});
	assert.equal(deliveredFromMsg('m7', line), 'DELIVERED m7 42 1700000000123');
});
