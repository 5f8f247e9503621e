// Message frames between hosts (source/host/cluster/host-frames.ts appendMessage): every text in
// any script and length reads back as written, and a message that follows one of the same sender,
// recipient and origin with the next number is a short `c` frame that reads back whole.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	decodeHostFrames,
	noPreviousMessage,
	SEQ_LIMIT,
	appendMessageFrame,
	type MessageFrame,
} from '../source/host/cluster/host-frames.js';

/** The frames of `frames`, each after the one before in one payload, joined as the outbox joins them. */
function payloadOf(frames: readonly MessageFrame[]): string {
	const previous = noPreviousMessage();
	const parts: string[] = [];
	for (const frame of frames) {
		if (parts.length > 0) parts.push('\n');
		const length = appendMessageFrame(parts, previous, frame);
		assert.equal(length, parts.slice(parts.lastIndexOf('\n') + 1).join('').length, 'its length');
	}

	return parts.join('');
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
	plainText: false,
};

test('message frames read back as written, through UTF-8 as on the wire, in any script and length', () => {
	const frames: MessageFrame[] = [
		base,
		{...base, seq: 9, ref: 'r1'},
		{...base, seq: 20, fromKey: 'зоя', fromName: 'Зоя', line: '12:00:02 Зоя: привет 👋🏽 你好世界'},
		{...base, seq: 1_073_741_823, line: `${'x'.repeat(40)}é${'y'.repeat(40)}`},
		{...base, seq: undefined, fromName: 'ab😀', line: '😀'.repeat(3000)},
		{...base, seq: 40, line: 'a\uD800b'},
	];
	const wire = Buffer.from(payloadOf(frames)).toString();
	// A lone surrogate goes as U+FFFD, as Node writes every string.
	assert.deepEqual(decodeHostFrames(wire), [
		...frames.slice(0, -1),
		{...base, seq: 40, line: 'a\uFFFDb'},
	]);
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
		// Only the text of a message for a plain user, continued or not: `C` and `M`.
		{
			...base,
			seq: 7,
			toKey: 'carol',
			origin: 'hC',
			fromName: 'ALICE',
			line: 'text',
			plainText: true,
		},
		{
			...base,
			seq: 9,
			toKey: 'carol',
			origin: 'hC',
			fromName: 'ALICE',
			line: 'more',
			plainText: true,
		},
	];
	const payload = payloadOf(frames);
	assert.deepEqual(
		payload.split('\n').map((frame) => frame.slice(0, 1)),
		['m', 'c', 'c', 'm', 'm', 'm', 'm', 'm', 'c', 'C', 'M'],
	);
	assert.deepEqual(decodeHostFrames(payload), frames);
	// A `c` frame with nothing before it to continue is skipped, not misread.
	const cut = decodeHostFrames(payload.slice(payload.indexOf('\n') + 1));
	assert.deepEqual(cut, frames.slice(3));
});
