// Counting connections per address for the per-address cap.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {AddressCaps} from '../source/host/connection/address-caps.js';

test('admits up to the cap per address, and again after a release', () => {
	const caps = new AddressCaps(2);
	assert.equal(caps.admit('10.0.0.1'), true);
	assert.equal(caps.admit('10.0.0.1'), true);
	assert.equal(caps.admit('10.0.0.1'), false);
	assert.equal(caps.admit('10.0.0.2'), true, 'another address has its own count');
	caps.release('10.0.0.1');
	assert.equal(caps.count('10.0.0.1'), 1);
	assert.equal(caps.admit('10.0.0.1'), true);
});

test('a cap of 0 admits everyone; released addresses are forgotten', () => {
	const caps = new AddressCaps(0);
	for (let index = 0; index < 1000; index++) assert.equal(caps.admit('10.0.0.1'), true);
	for (let index = 0; index < 1000; index++) caps.release('10.0.0.1');
	assert.equal(caps.count('10.0.0.1'), 0);
});
