// The per-user memory of refs that answers a resent SEND instead of relaying it again.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {RefMemory} from '../source/host/relay/ref-memory.js';
import {MAX_REMEMBERED_REFS} from '../source/protocol/limits.js';

test('a new ref is unknown; a remembered one answers its latest result', () => {
	const memory = new RefMemory(4);
	assert.equal(memory.lookup('a'), undefined);
	memory.remember('a');
	assert.equal(memory.lookup('a'), '');
	memory.settle('a', 'HELD a 1 2');
	memory.settle('a', 'DELIVERED a 1 2');
	assert.equal(memory.lookup('a'), 'DELIVERED a 1 2');
});

test('at least the last max refs are kept, and old ones are forgotten in time', () => {
	const memory = new RefMemory(MAX_REMEMBERED_REFS);
	for (let index = 0; index < MAX_REMEMBERED_REFS; index++) memory.remember(`r${index}`);
	memory.settle('r0', 'DELIVERED r0 1 2');
	for (let index = MAX_REMEMBERED_REFS; index < 2 * MAX_REMEMBERED_REFS; index++) {
		memory.remember(`r${index}`);
		// Every one of the last MAX_REMEMBERED_REFS refs is still known.
		assert.equal(memory.lookup(`r${index - MAX_REMEMBERED_REFS + 1}`), '');
	}

	assert.equal(memory.lookup('r0'), 'DELIVERED r0 1 2', 'the generation before is still there');
	memory.remember(`r${2 * MAX_REMEMBERED_REFS}`);
	assert.equal(memory.lookup('r0'), undefined, 'past 2 x max the oldest generation is gone');
	assert.equal(memory.lookup(`r${MAX_REMEMBERED_REFS}`), '');
	// A result for a forgotten ref is not stored again.
	memory.settle('r0', 'DELIVERED r0 1 2');
	assert.equal(memory.lookup('r0'), undefined);
});

test('a ref sent again keeps its result slot, in either generation', () => {
	const memory = new RefMemory(2);
	memory.remember('a');
	memory.remember('b');
	memory.remember('c');
	memory.settle('a', 'DELIVERED a 1 2');
	memory.remember('a');
	assert.equal(memory.lookup('a'), '');
	memory.settle('a', 'DELIVERED a 3 4');
	assert.equal(memory.lookup('a'), 'DELIVERED a 3 4');
	assert.equal(memory.lookup('c'), '');
});

test('256 refs are remembered', () => {
	assert.equal(MAX_REMEMBERED_REFS, 256);
});
