// The plain `chat join` reader (no meow) and the full parser read every line the plain one takes
// the same way: every join line of up to three words from the tokens below is tried on both.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readCommandLine} from '../source/cli/command-line.js';
import {plainJoinOptions} from '../source/cli/plain-join-args.js';

const TOKENS = [
	'a@h',
	'bob@10.0.0.7:4000',
	'--tls',
	'--no-tls',
	'--follow',
	'--no-follow',
	'--bell',
	'--no-bell',
	'true',
	'false',
	'-',
	'--',
	'--tls=true',
	'-h',
] as const;

/** Every sequence of up to `length` tokens, the empty one included. */
function sequences(length: number): string[][] {
	if (length === 0) return [[]];
	const shorter = sequences(length - 1);
	const longest = shorter.filter((sequence) => sequence.length === length - 1);
	return [
		...shorter,
		...longest.flatMap((sequence) => TOKENS.map((token) => [...sequence, token])),
	];
}

test('on every line the plain reader takes, the full parser gives the same options', () => {
	let taken = 0;
	for (const words of sequences(3)) {
		const argv = ['join', ...words];
		const plain = plainJoinOptions(argv);
		if (plain === undefined) continue;
		taken++;
		assert.deepEqual(readCommandLine(argv), {command: 'join', options: plain}, argv.join(' '));
	}

	// An address alone, with one switch before or after it, or with two switches of different
	// flags around it: 2 addresses x (1 + 2 places x 6 switches + 3 places x 6 x 4 pairs).
	assert.equal(taken, 2 * (1 + 2 * 6 + 3 * 6 * 4));
});

test('the lines the plain reader leaves are still join lines or usage errors to the full parser', () => {
	for (const argv of [
		['join', '--tls', '--tls', 'a@h'],
		['join', 'a@h', 'false'],
		['join', '--', 'a@h'],
	]) {
		assert.equal(plainJoinOptions(argv), undefined, argv.join(' '));
	}

	assert.deepEqual(readCommandLine(['join', '--tls', '--tls', 'a@h']), {
		command: 'usage-error',
		sentence: '--tls is given twice; give it once',
	});
	assert.deepEqual(readCommandLine(['join', '--', 'a@h']), {
		command: 'join',
		options: {address: 'a@h', follow: true, bell: true, tls: false},
	});
});
