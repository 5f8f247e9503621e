// The plain `chat join` line read without meow; everything else must be left to meow.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {plainJoinOptions} from '../source/cli/plain-join-args.js';

test('chat join NAME@HOST with the defaults', () => {
	assert.deepEqual(plainJoinOptions(['join', 'alice@10.0.0.7']), {
		address: 'alice@10.0.0.7',
		follow: true,
		bell: true,
		tls: false,
	});
});

test('the join flags that take no value, before or after the address', () => {
	assert.deepEqual(
		plainJoinOptions(['join', '--tls', 'alice@h:4000', '--no-follow', '--no-bell']),
		{
			address: 'alice@h:4000',
			follow: false,
			bell: false,
			tls: true,
		},
	);
	assert.deepEqual(plainJoinOptions(['join', '--no-tls', '--follow', '--bell', 'bob']), {
		address: 'bob',
		follow: true,
		bell: true,
		tls: false,
	});
});

test('every other line goes to the full parser', () => {
	for (const argv of [
		[],
		['host'],
		['host', 'alice@h'],
		['--help'],
		['join'],
		['join', 'a@h', 'b@h'],
		['join', '--help', 'a@h'],
		['join', '-v', 'a@h'],
		['join', '--rate', '5', 'a@h'],
		['join', '--tls=true', 'a@h'],
		['join', '--tls', '--tls', 'a@h'],
		['join', '--tls', '--no-tls', 'a@h'],
		['join', '--tls', 'true'],
		['join', 'a@h', 'false'],
		['join', '--', 'a@h'],
		['join', '-', 'a@h'],
		['--tls', 'join', 'a@h'],
		['JOIN', 'a@h'],
	]) {
		assert.equal(plainJoinOptions(argv), undefined, argv.join(' '));
	}
});
