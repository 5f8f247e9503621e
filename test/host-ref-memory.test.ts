// The per-user memory of refs that answers a resent SEND instead of relaying it again.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {RefMemory} from '../source/host/ref-memory.js';
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

test('only the last refs are kept, oldest forgotten first', () => {
	const memory = new RefMemory(MAX_REMEMBERED_REFS);
	for (let index = 0; index <= MAX_REMEMBERED_REFS; index++) memory.remember(`r${index}`);
	assert.equal(memory.lookup('r0'), undefined);
	assert.equal(memory.lookup('r1'), '');
	assert.equal(memory.lookup(`r${MAX_REMEMBERED_REFS}`), '');
	// A result for a forgotten ref is not stored again.
	memory.settle('r0', 'DELIVERED r0 1 2');
	assert.equal(memory.lookup('r0'), undefined);
});

test('256 refs are remembered', () => {
	assert.equal(MAX_REMEMBERED_REFS, 256);
});
