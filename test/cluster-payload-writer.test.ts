// A PUBLISH payload written as bytes (source/host/cluster/payload-writer.ts): frames separated by
// newlines, every text as UTF-8 whatever its script or length, numbers as decimal, and a writer
// that grows past its first bytes and is reused empty.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	decodeHostFrames,
	noPreviousMessage,
	SEQ_LIMIT,
	writeMessage,
	type MessageFrame,
} from '../source/host/cluster/host-frames.js';
import {PayloadWriter, writeDigits} from '../source/host/cluster/payload-writer.js';

/** Writes `frame` after the one written before into `out` (`previous` is the writer's). */
function write(out: PayloadWriter, frame: MessageFrame, previous = noPreviousMessage()): void {
	const {seq, id, time, ref, fromKey, fromName, toKey, origin, line} = frame;
	writeMessage(out, previous, seq, id, time, ref, fromKey, fromName, toKey, origin, line);
}

const base: MessageFrame = {
	kind: 'm',
	seq: 0,
	id: '1796137223285000',
	time: 1_796_137_223_411,
	ref: undefined,
	fromKey: 'alice',
	fromName: 'Alice',
	toKey: 'bob',
	origin: 'hA',
	line: '12:00:01 Alice: hello',
};

test('message frames written as bytes read back as written, in any script and length', () => {
	const frames: MessageFrame[] = [
		base,
		{...base, seq: 9, ref: 'r1'},
		{...base, seq: 10, fromKey: 'зоя', fromName: 'Зоя', line: '12:00:02 Зоя: привет 👋🏽 你好世界'},
		// Past the length that goes to Buffer's own writer, with the first non-ASCII one late.
		{...base, seq: 1_073_741_823, line: `${'x'.repeat(40)}é${'y'.repeat(40)}`},
		{...base, seq: undefined, fromName: 'ab😀', line: '😀'.repeat(3000)},
		// A lone surrogate is written as U+FFFD, as Buffer writes it.
		{...base, line: 'a\uD800b'},
	];
	const out = new PayloadWriter();
	for (const frame of frames) write(out, frame);
	const decoded = decodeHostFrames(out.payload().toString());
	assert.deepEqual(decoded, [...frames.slice(0, -1), {...base, line: 'a\uFFFDb'}]);
});

test('a reused writer starts empty; a plain frame goes as its text', () => {
	const out = new PayloadWriter();
	write(out, base);
	out.frame('p\tbob\tAlice');
	assert.equal(out.payload().toString().split('\n').length, 2);
	out.reset();
	assert.equal(out.length, 0);
	out.frame('t\tbob');
	write(out, {...base, seq: 5});
	assert.deepEqual(decodeHostFrames(out.payload().toString()), [
		{kind: 't', toKey: 'bob'},
		{...base, seq: 5},
	]);
});

test('numbers are written in decimal, digit by digit', () => {
	const bytes = Buffer.alloc(64);
	for (const value of [0, 7, 10, 99, 100, 123_456, 2 ** 31 - 1]) {
		const end = writeDigits(bytes, 3, value);
		assert.equal(bytes.toString('latin1', 3, end), String(value));
	}
});

test('a message that follows one of the same sender, recipient and origin is a short `c` frame that reads back whole', () => {
	const frames: MessageFrame[] = [
		{...base, seq: SEQ_LIMIT - 2},
		// The next number, the same names: continued, with its own id, time and ref.
		{...base, seq: SEQ_LIMIT - 1, id: '1796137223285001', ref: 'r2'},
		// The numbers go round: still the next.
		{...base, seq: 0, id: '1796137223285002', time: base.time + 1},
		// Another recipient, a gap in the numbers, no number, another origin: each a whole frame.
		{...base, seq: 1, toKey: 'carol'},
		{...base, seq: 3, toKey: 'carol'},
		{...base, seq: undefined, toKey: 'carol'},
		{...base, seq: 4, toKey: 'carol', origin: 'hC'},
		{...base, seq: 5, toKey: 'carol', origin: 'hC', fromName: 'ALICE'},
		{...base, seq: 6, toKey: 'carol', origin: 'hC', fromName: 'ALICE', line: 'a\tb'},
	];
	const out = new PayloadWriter();
	const previous = noPreviousMessage();
	for (const frame of frames) write(out, frame, previous);
	const payload = out.payload().toString();
	assert.deepEqual(
		payload.split('\n').map((frame) => frame.slice(0, 1)),
		['m', 'c', 'c', 'm', 'm', 'm', 'm', 'm', 'c'],
	);
	assert.deepEqual(decodeHostFrames(payload), frames);
	// A `c` frame with nothing before it to continue is skipped, not misread.
	const cut = decodeHostFrames(payload.slice(payload.indexOf('\n') + 1));
	assert.deepEqual(cut, frames.slice(3));
});
