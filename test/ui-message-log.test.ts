import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	appendMessage,
	appendMessages,
	emptyLog,
	indexOfSeq,
	lastMessage,
	messageAt,
	updateMessage,
	type MessageLog,
} from '../source/ui/state/message-log.js';
import {MAX_MESSAGES_PER_CONVERSATION} from '../source/client/limits.js';

function logOf(count: number, cap?: number): MessageLog {
	let log = emptyLog;
	for (let index = 0; index < count; index++) {
		log = appendMessage(log, {time: index, from: 'bob', text: `m${index}`}, cap);
	}
	return log;
}

test('messages keep their order and get increasing seqs', () => {
	const log = logOf(3000);
	assert.equal(log.length, 3000);
	assert.equal(messageAt(log, 0)?.text, 'm0');
	assert.equal(messageAt(log, 2047)?.text, 'm2047');
	assert.equal(lastMessage(log)?.seq, 2999);
	assert.equal(messageAt(log, 3000), undefined);
});

test('a stored message keeps every field it came with, and only those', () => {
	const sent = {time: 5, from: 'me', text: 'hi', delivery: {state: 'sending'}, ref: 'r1'} as const;
	const log = appendMessages(emptyLog, [{time: 4, from: 'bob', text: 'yo'}, sent]);
	assert.deepEqual(messageAt(log, 0), {seq: 0, time: 4, from: 'bob', text: 'yo'});
	assert.deepEqual(messageAt(log, 1), {...sent, seq: 1});
});

test('appending never changes the log it was given', () => {
	const before = logOf(10);
	const after = appendMessage(before, {time: 0, from: 'bob', text: 'new'});
	assert.equal(before.length, 10);
	assert.equal(after.length, 11);
	assert.equal(lastMessage(before)?.text, 'm9');
});

test('past the cap the oldest messages are dropped and seqs stay valid', () => {
	const log = logOf(5000, 2000);
	assert.ok(log.length >= 2000 && log.length < 2000 + 1024, String(log.length));
	assert.equal(lastMessage(log)?.text, 'm4999');
	assert.equal(messageAt(log, 0)?.seq, log.firstSeq);
	assert.equal(indexOfSeq(log, 4999), log.length - 1);
	assert.equal(indexOfSeq(log, 0), -1);
});

test('the cap keeps at least the benchmark size', () => {
	assert.ok(MAX_MESSAGES_PER_CONVERSATION >= 100_000);
});

test('updating a message by seq replaces only that message', () => {
	const log = logOf(1500);
	const updated = updateMessage(log, 1200, (message) => ({...message, text: 'changed'}));
	assert.equal(messageAt(updated, 1200)?.text, 'changed');
	assert.equal(messageAt(log, 1200)?.text, 'm1200');
	assert.equal(messageAt(updated, 1199), messageAt(log, 1199));
	assert.equal(
		updateMessage(log, 99_999, (message) => message),
		log,
	);
});

test('appending a burst equals appending one by one, across chunk boundaries', () => {
	const start = logOf(1000);
	const burst = Array.from({length: 3000}, (_, index) => ({
		time: 0,
		from: 'bob',
		text: `b${index}`,
	}));
	const together = appendMessages(start, burst, 2500);
	let apart = start;
	for (const message of burst) apart = appendMessage(apart, message, 2500);
	assert.equal(together.length, apart.length);
	assert.equal(together.firstSeq, apart.firstSeq);
	assert.equal(together.nextSeq, apart.nextSeq);
	for (let index = 0; index < together.length; index += 97) {
		assert.deepEqual(messageAt(together, index), messageAt(apart, index));
	}
	assert.equal(messageAt(start, 999)?.text, 'm999', 'the original log is untouched');
	assert.equal(start.length, 1000);
});
