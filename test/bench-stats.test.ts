import assert from 'node:assert/strict';
import {test} from 'node:test';
import {maximum, median, percentile, ratio} from '../bench/stats.js';

test('percentiles use the nearest rank and ignore the input order', () => {
	const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
	assert.equal(median(samples), 5);
	assert.equal(percentile(samples, 0.99), 10);
	assert.equal(percentile(samples, 0.1), 1);
	assert.equal(maximum(samples), 10);
	assert.ok(Number.isNaN(median([])));
});

test('a ratio against a missing contender is NaN, not Infinity', () => {
	assert.equal(ratio(3, 2), 1.5);
	assert.ok(Number.isNaN(ratio(3, Number.NaN)));
	assert.ok(Number.isNaN(ratio(3, 0)));
});
