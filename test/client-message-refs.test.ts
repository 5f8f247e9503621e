import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_REF_LENGTH} from '../source/protocol/limits.js';
import {createRefMaker} from '../source/client/message-refs.js';

const validRef = /^[\w.-]{1,32}$/;

test('refs are valid per the protocol and unique within a run', () => {
	const nextRef = createRefMaker();
	const seen = new Set<string>();
	for (let index = 0; index < 10_000; index++) {
		const ref = nextRef();
		assert.match(ref, validRef);
		assert.ok(ref.length <= MAX_REF_LENGTH);
		assert.equal(seen.has(ref), false);
		seen.add(ref);
	}
});

test('two runs do not share refs', () => {
	const first = createRefMaker()();
	const second = createRefMaker()();
	assert.notEqual(first, second);
});
