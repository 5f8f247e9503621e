// One row of the search results (source/ui/state/search-rows.ts): a message of several lines
// shows them side by side with a mark between, never run together, and the match is marked.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {LINE_BREAK_MARK, searchRow} from '../source/ui/state/search-rows.js';

test('a message of several lines shows them apart on its one row, the match marked', () => {
	const row = searchRow(
		{
			partner: 'bob',
			message: {
				uid: '1',
				time: Date.UTC(2026, 11, 2, 9, 30),
				from: 'bob',
				text: 'first line\nzebra here\nlast',
			},
		},
		'zebra',
		200,
		false,
	);
	assert.deepEqual(row.segments, [
		{text: `first line${LINE_BREAK_MARK}`, match: false},
		{text: 'zebra', match: true},
		{text: ` here${LINE_BREAK_MARK}last`, match: false},
	]);
	assert.match(row.prefix, /bob: $/);
});
