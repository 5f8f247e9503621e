import assert from 'node:assert/strict';
import {test} from 'node:test';
import {LineFramer} from '../source/protocol/line-framer.js';

type Event = string | {overflow: true};

function collect(maxLineBytes: number) {
	const events: Event[] = [];
	const framer = new LineFramer(
		maxLineBytes,
		(line) => events.push(line),
		() => events.push({overflow: true}),
	);
	const push = (...chunks: Array<string | Buffer>) => {
		for (const chunk of chunks) framer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	};

	return {framer, events, push};
}

const overflow = {overflow: true};

test('splits on newlines, keeps empty lines and holds an unfinished one', () => {
	const {events, push} = collect(100);
	push('one\ntwo\n\nthr', 'ee\nfour');
	assert.deepEqual(events, ['one', 'two', '', 'three']);
	push('\n');
	assert.deepEqual(events, ['one', 'two', '', 'three', 'four']);
});

test('drops one carriage return before a newline, and only there', () => {
	const {events, push} = collect(100);
	push('a\r\n', 'b\r\r\n', 'c\rd\n', '\r\n', 'e\r', '\n');
	assert.deepEqual(events, ['a', 'b\r', 'c\rd', '', 'e']);
});

test('decodes a character split across chunks', () => {
	const {events, push} = collect(100);
	const bytes = Buffer.from('é😀x\n');
	for (let index = 0; index < bytes.length; index++) push(bytes.subarray(index, index + 1));
	assert.deepEqual(events, ['é😀x']);
});

test('turns invalid UTF-8 into U+FFFD without throwing', () => {
	const {events, push} = collect(100);
	push(Buffer.from([0x61, 0xff, 0x62, 0xc3, 0x0a, 0xe2, 0x82, 0x0a]));
	assert.deepEqual(events, ['a\uFFFDb\uFFFD', '\uFFFD']);
});

test('a line of exactly the limit passes, with or without a carriage return', () => {
	const {events, push} = collect(4);
	push('abcd\n', 'efgh\r\n', 'ij', 'kl\r', '\n', 'mnop', '\r\n');
	assert.deepEqual(events, ['abcd', 'efgh', 'ijkl', 'mnop']);
});

test('a line one byte over the limit overflows once, whole chunk or piecewise', () => {
	const {events, push} = collect(4);
	push('abcde\n');
	assert.deepEqual(events, [overflow]);
	push('ab', 'cd', 'e', 'fgh', '\nok\n');
	assert.deepEqual(events, [overflow, overflow, 'ok']);
});

test('overflow is reported as soon as the limit passes, before the newline', () => {
	const {events, push} = collect(4);
	push('abc', 'de');
	assert.deepEqual(events, [overflow]);
	push('more and more', ' and more');
	assert.deepEqual(events, [overflow]);
	push(' end\nnext\n');
	assert.deepEqual(events, [overflow, 'next']);
});

test('a carriage return at the limit waits to see whether a newline follows', () => {
	const {events, push} = collect(4);
	push('abcd\r');
	assert.deepEqual(events, []);
	push('x\n');
	assert.deepEqual(events, [overflow]);
	push('abcd\r', '\n');
	assert.deepEqual(events, [overflow, 'abcd']);
});

test('nothing of a discarded line leaks into the next one', () => {
	const {events, push} = collect(8);
	push('x'.repeat(20) + '\nafter\n');
	push('y'.repeat(5), 'y'.repeat(5), 'zz\nlast\n');
	assert.deepEqual(events, [overflow, 'after', overflow, 'last']);
});

test('a huge chunk without a newline is never held', () => {
	const {framer, events, push} = collect(8192);
	push(Buffer.alloc(64 * 1024 * 1024, 0x61));
	assert.deepEqual(events, [overflow]);
	assert.equal(framer.pendingBytes, 0);
	push(Buffer.alloc(1024 * 1024, 0x61), '\nhello\n');
	assert.deepEqual(events, [overflow, 'hello']);
});

test('the held tail never passes the limit plus one byte', () => {
	const {framer, push} = collect(16);
	let most = 0;
	for (let index = 0; index < 200; index++) {
		push('a'.repeat(index % 7), index % 5 === 0 ? '\n' : '\r');
		most = Math.max(most, framer.pendingBytes);
	}

	assert.ok(most <= 17, `held ${most} bytes`);
});

test('stop makes push a no-op, even in the middle of a chunk', () => {
	const events: string[] = [];
	const framer = new LineFramer(
		100,
		(line) => {
			events.push(line);
			if (line === 'quit') framer.stop();
		},
		() => assert.fail('no overflow expected'),
	);
	framer.push(Buffer.from('hi\nquit\nafter\npartial'));
	framer.push(Buffer.from('\nmore\n'));
	assert.deepEqual(events, ['hi', 'quit']);
	assert.equal(framer.pendingBytes, 0);
});

test('an exception from a callback reaches the caller', () => {
	const framer = new LineFramer(
		100,
		() => {
			throw new Error('boom');
		},
		() => undefined,
	);
	assert.throws(() => framer.push(Buffer.from('x\n')), /boom/);
});

test('lines are strings independent of the reused buffer', () => {
	const {events, push} = collect(100);
	push('fir', 'st\nsec', 'ond\n');
	assert.deepEqual(events, ['first', 'second']);
});

test('stop from the overflow callback ends parsing too', () => {
	const events: string[] = [];
	const framer = new LineFramer(
		4,
		(line) => events.push(line),
		() => {
			events.push('overflow');
			framer.stop();
		},
	);
	framer.push(Buffer.from('ok\ntoo long\nafter\n'));
	framer.push(Buffer.from('more\n'));
	assert.deepEqual(events, ['ok', 'overflow']);
});

test('pause keeps the rest of the chunk as bytes, not lines, until resume', () => {
	const events: string[] = [];
	const framer = new LineFramer(
		100,
		(line) => {
			events.push(line);
			if (line === 'wait') framer.pause();
		},
		() => assert.fail('no overflow expected'),
	);
	const chunk = Buffer.from('one\nwait\n' + 'x\n'.repeat(1000) + 'tail');
	framer.push(chunk);
	assert.deepEqual(events, ['one', 'wait']);
	assert.ok(framer.paused);
	assert.equal(framer.heldBytes, chunk.length - 'one\nwait\n'.length);
	assert.equal(framer.resume(), true);
	assert.equal(events.length, 1002);
	assert.equal(framer.heldBytes, 0);
	assert.equal(framer.paused, false);
	framer.push(Buffer.from('\n'));
	assert.equal(events.at(-1), 'tail');
});

test('a resume can pause again; bytes pushed while paused wait behind the held ones', () => {
	const events: string[] = [];
	let pauseEvery = 2;
	const framer = new LineFramer(
		100,
		(line) => {
			events.push(line);
			if (events.length % pauseEvery === 0) framer.pause();
		},
		() => assert.fail('no overflow expected'),
	);
	framer.push(Buffer.from('a\nb\nc\nd\ne'));
	assert.deepEqual(events, ['a', 'b']);
	framer.push(Buffer.from('f\ng\n'));
	assert.equal(framer.resume(), false);
	assert.deepEqual(events, ['a', 'b', 'c', 'd']);
	pauseEvery = 1000;
	assert.equal(framer.resume(), true);
	assert.deepEqual(events, ['a', 'b', 'c', 'd', 'ef', 'g']);
});

test('stop drops what a paused framer held', () => {
	const {framer, events, push} = collect(100);
	framer.pause();
	push('held\n');
	assert.equal(framer.heldBytes, 5);
	framer.stop();
	assert.equal(framer.heldBytes, 0);
	assert.equal(framer.resume(), true);
	assert.deepEqual(events, []);
});

test('a byte order mark is dropped from the start of the stream only', () => {
	const bom = '\uFEFF';
	for (const cuts of [[], [1], [2], [3], [1, 2, 3]]) {
		const lines: string[] = [];
		const framer = new LineFramer(
			16,
			(line) => lines.push(line),
			() => lines.push('overflow'),
		);
		const stream = Buffer.from(`${bom}alice\n${bom}hi\n`);
		let previous = 0;
		for (const cut of [...cuts, stream.length]) {
			framer.push(stream.subarray(previous, cut));
			previous = cut;
		}

		assert.deepEqual(lines, ['alice', `${bom}hi`], `cut at ${cuts.join(',')}`);
	}

	const lines: string[] = [];
	const framer = new LineFramer(
		16,
		(line) => lines.push(line),
		() => lines.push('overflow'),
	);
	framer.push(Buffer.from([0xef, 0xbb, 0x0a])); // half a mark is not one: invalid UTF-8
	assert.deepEqual(lines, ['\uFFFD']);
});
