// Message ids: decimal text, strictly increasing across the thousands they are built from, and
// starting at the host's start time in microseconds.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MessageIds} from '../source/host/relay/message-ids.js';

test('ids start at the start time in microseconds and count up by one', () => {
	const ids = new MessageIds(1_795_632_000_123);
	assert.equal(ids.next(), '1795632000123000');
	assert.equal(ids.next(), '1795632000123001');
});

test('ids stay strictly increasing numbers across every thousand', () => {
	const ids = new MessageIds(1_795_632_000_999);
	let previous = -1;
	for (let count = 0; count < 2500; count++) {
		const id = ids.next();
		assert.match(id, /^\d{16}$/);
		assert.equal(Number(id), previous === -1 ? 1_795_632_000_999_000 : previous + 1);
		previous = Number(id);
	}
});
