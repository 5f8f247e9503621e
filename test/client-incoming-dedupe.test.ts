import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createIncomingDedupe, laterMessageId} from '../source/client/incoming-dedupe.js';

test('a message id is shown once', () => {
	const dedupe = createIncomingDedupe();
	assert.equal(dedupe.isFirstSighting({id: '10', from: 'alice', ref: 'r1'}), true);
	assert.equal(dedupe.isFirstSighting({id: '10', from: 'alice', ref: 'r1'}), false);
});

test('the same sender ref under a new id (a restarted host) is shown once', () => {
	const dedupe = createIncomingDedupe();
	assert.equal(dedupe.isFirstSighting({id: '10', from: 'alice', ref: 'r1'}), true);
	assert.equal(dedupe.isFirstSighting({id: '99', from: 'alice', ref: 'r1'}), false);
	assert.equal(dedupe.isFirstSighting({id: '100', from: 'carol', ref: 'r1'}), true);
});

test('plain senders have no ref, so only their ids count', () => {
	const dedupe = createIncomingDedupe();
	assert.equal(dedupe.isFirstSighting({id: '1', from: 'nc', ref: undefined}), true);
	assert.equal(dedupe.isFirstSighting({id: '2', from: 'nc', ref: undefined}), true);
	assert.equal(dedupe.isFirstSighting({id: '2', from: 'nc', ref: undefined}), false);
});

test('memory is bounded: the oldest entries are forgotten', () => {
	const dedupe = createIncomingDedupe(3);
	for (const id of ['1', '2', '3', '4']) {
		assert.equal(dedupe.isFirstSighting({id, from: 'a', ref: `r${id}`}), true);
	}

	assert.equal(dedupe.isFirstSighting({id: '1', from: 'a', ref: 'r1'}), true);
	assert.equal(dedupe.isFirstSighting({id: '4', from: 'a', ref: 'r4'}), false);
});

test('ids are compared as numbers beyond 2^53', () => {
	assert.equal(laterMessageId(undefined, '5'), '5');
	assert.equal(laterMessageId('9007199254740993', '9007199254740992'), '9007199254740993');
	assert.equal(laterMessageId('9007199254740993', '9007199254740995'), '9007199254740995');
	assert.equal(laterMessageId('99', '100'), '100');
});
