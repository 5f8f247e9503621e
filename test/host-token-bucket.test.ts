// The token bucket behind the line rate limit, driven with explicit times.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TokenBucket} from '../source/host/connection/token-bucket.js';

test('a full burst passes at once, then the bucket is empty', () => {
	const bucket = new TokenBucket(20, 5, 0);
	for (let index = 0; index < 5; index++) assert.equal(bucket.take(0), true);
	assert.equal(bucket.take(0), false);
	assert.equal(bucket.msUntilToken(0), 50);
});

test('tokens come back at the rate, never past the burst', () => {
	const bucket = new TokenBucket(10, 3, 0);
	for (let index = 0; index < 3; index++) bucket.take(0);
	assert.equal(bucket.take(99), false);
	assert.equal(bucket.take(100), true);
	assert.equal(bucket.take(100), false);
	// A long pause refills to the burst, not beyond it.
	for (let index = 0; index < 3; index++) assert.equal(bucket.take(60_000), true);
	assert.equal(bucket.take(60_000), false);
});

test('fill gives a fresh burst; time going backwards takes nothing', () => {
	const bucket = new TokenBucket(1, 2, 1000);
	bucket.take(1000);
	bucket.take(1000);
	assert.equal(bucket.take(500), false);
	bucket.fill(1000);
	assert.equal(bucket.take(1000), true);
	assert.equal(bucket.take(1000), true);
});

test('a burst below one still lets one line through', () => {
	const bucket = new TokenBucket(1, 0, 0);
	assert.equal(bucket.take(0), true);
	assert.equal(bucket.take(0), false);
});
