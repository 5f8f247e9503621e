// Fuzzing the host's command handling over real TCP: 100,000 generated lines, on both faces, from
// logged-in users. The host must answer every one without a bug surfacing, keep exactly the users it
// had, and still relay afterwards. (The parsers alone are fuzzed in protocol-fuzz.test.ts.)

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {parseClientLine} from '../source/protocol/structured-messages.js';
import {loginPlain, loginStructured, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const LINES_PER_CLIENT = 25_000;
const NAMES = ['fa', 'fb', 'pa', 'pb', 'FA', 'nobody', 'f\u0430', ''];

const anyText = fc.string({unit: 'binary', maxLength: 80});
const wordish = fc.string({
	unit: fc.constantFrom(
		'a',
		'Z',
		'0',
		'-',
		'.',
		':',
		'@',
		' ',
		'=',
		'\u001B',
		'\u0000',
		'\u202E',
		'é',
	),
	maxLength: 12,
});
const name = fc.oneof(fc.constantFrom(...NAMES), wordish);
const structuredLine = fc.oneof(
	fc.tuple(wordish, name, anyText).map(([ref, to, text]) => `SEND ${ref} ${to} :${text}`),
	fc
		.tuple(fc.integer({min: 0, max: 9999}), name, anyText)
		.map(([ref, to, text]) => `SEND r${ref} ${to} :${text}`),
	fc
		.tuple(
			fc.constantFrom('PING', 'PONG', 'HELLO', 'SEND', 'MSG', 'USERS', 'BYE', 'hello'),
			fc.array(wordish, {maxLength: 4}),
		)
		.map(([verb, params]) => [verb, ...params].join(' ')),
	anyText,
	fc.string({unit: 'grapheme', maxLength: 40}),
);
const plainLine = fc.oneof(
	name.map((each) => `to:${each}`),
	anyText,
	fc.constantFrom('pass:x', 'HELLO 1 x', 'to:', 'QUIT', ' quit', 'quit '),
	fc.string({unit: 'grapheme', maxLength: 40}),
);

/** Generated lines a session survives: no newline inside, and no logging out. */
function generate(
	arbitrary: fc.Arbitrary<string>,
	seed: number,
	keep: (line: string) => boolean,
): string[] {
	return fc
		.sample(arbitrary, {numRuns: LINES_PER_CLIENT * 2, seed})
		.map((line) => line.replaceAll('\n', ' '))
		.filter(keep)
		.slice(0, LINES_PER_CLIENT);
}

/** Writes the lines in chunks, each once the kernel took the last, so the flood is paced by TCP. */
async function pump(client: RawClient, lines: string[]): Promise<void> {
	for (let start = 0; start < lines.length; start += 500) {
		const chunk = lines.slice(start, start + 500).join('\n') + '\n';
		await new Promise<void>((resolve) => {
			client.socket.write(chunk, () => resolve());
		});
	}
}

test('100,000 generated lines: no bug, no stray users, and the relay still works', async (t) => {
	const host = await startTestHost({rate: 0});
	t.after(() => host.stop());
	const fa = await loginStructured(host.port, 'fa');
	const fb = await loginStructured(host.port, 'fb');
	const pa = await loginPlain(host.port, 'pa');
	const pb = await loginPlain(host.port, 'pb');
	const structured = (line: string) => parseClientLine(line).kind !== 'quit';
	const plain = (line: string) => line !== 'quit';
	const batches = [
		generate(structuredLine, 1, structured),
		generate(structuredLine, 2, structured),
		generate(plainLine, 3, plain),
		generate(plainLine, 4, plain),
	];
	assert.equal(batches.flat().length, 4 * LINES_PER_CLIENT);
	await Promise.all([
		pump(fa, batches[0] ?? []),
		pump(fb, batches[1] ?? []),
		pump(pa, batches[2] ?? []),
		pump(pb, batches[3] ?? []),
	]);

	// Every line was handled in order: a marker sent last comes back after all of them.
	fa.send('PING end-fa');
	fb.send('PING end-fb');
	await fa.waitForLine(/^PONG end-fa$/, 60_000);
	await fb.waitForLine(/^PONG end-fb$/, 60_000);
	pa.send('to:fb');
	pa.send('end-pa');
	await fb.waitForLine(/ pa fb - :end-pa$/, 60_000);
	pb.send('to:fa');
	pb.send('end-pb');
	await fa.waitForLine(/ pb fa - :end-pb$/, 60_000);

	// The host answered: errors, results, pongs and relayed messages, by the thousand.
	for (const client of [fa, fb])
		assert.ok(client.lines.length > 10_000, String(client.lines.length));
	for (const client of [pa, pb]) assert.ok(client.lines.length > 1000, String(client.lines.length));
	assert.deepEqual(host.stats(), {connections: 4, users: 4});
	const bugs = host.log.filter((line) => line.startsWith('error handling'));
	assert.deepEqual(bugs, []);
	for (const client of [fa, fb, pa, pb]) assert.equal(client.isClosed, false);
});
