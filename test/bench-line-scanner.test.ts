import assert from 'node:assert/strict';
import {test} from 'node:test';
import {benchText, endsWithText, readStamp, TEXT_BYTES} from '../bench/bench-text.js';
import {LineScanner} from '../bench/line-scanner.js';

function scan(...chunks: string[]): string[] {
	const lines: string[] = [];
	const scanner = new LineScanner((buffer, start, end) =>
		lines.push(buffer.toString('utf8', start, end)),
	);
	for (const chunk of chunks) scanner.push(Buffer.from(chunk));
	return lines;
}

test('splits lines across chunks and drops the carriage return of CRLF', () => {
	assert.deepEqual(scan('one\r\ntw', 'o\n', 'thr', 'ee', '\r', '\nfour'), ['one', 'two', 'three']);
});

test('a line that ends in a bench text is recognised and its stamp read back', () => {
	const text = benchText(123_456_789_012);
	assert.equal(Buffer.byteLength(text), TEXT_BYTES);
	const line = Buffer.from(`MSG 1 2 alice bob r1 :${text}`);
	assert.ok(endsWithText(line, 0, line.length));
	assert.equal(readStamp(line, line.length), 123_456_789_012);
	const other = Buffer.from('JOIN carol');
	assert.ok(!endsWithText(other, 0, other.length));
});
