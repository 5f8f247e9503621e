// The host's log stamp (local time with its UTC offset) and its line writer, which stops writing
// to a stream that failed instead of crashing or trying again.
import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {test} from 'node:test';
import {formatLogTime} from '../source/host/log-time.js';
import {outputLines} from '../source/host/output-lines.js';

function inZone<T>(zone: string, run: () => T): T {
	const before = process.env['TZ'];
	process.env['TZ'] = zone;
	try {
		return run();
	} finally {
		if (before === undefined) delete process.env['TZ'];
		else process.env['TZ'] = before;
	}
}

test('log lines carry local time and the offset from UTC, summer time included', () => {
	const winter = new Date('2026-12-01T14:04:05.678Z');
	const summer = new Date('2026-07-01T14:04:05Z');
	assert.equal(
		inZone('Europe/Berlin', () => formatLogTime(winter)),
		'2026-12-01T15:04:05+01:00',
	);
	assert.equal(
		inZone('Europe/Berlin', () => formatLogTime(summer)),
		'2026-07-01T16:04:05+02:00',
	);
	assert.equal(
		inZone('Asia/Kolkata', () => formatLogTime(winter)),
		'2026-12-01T19:34:05+05:30',
	);
	assert.equal(
		inZone('America/St_Johns', () => formatLogTime(winter)),
		'2026-12-01T10:34:05-03:30',
	);
	assert.equal(
		inZone('UTC', () => formatLogTime(winter)),
		'2026-12-01T14:04:05+00:00',
	);
	// Whatever the zone, the stamp names the same instant.
	for (const zone of ['Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'UTC']) {
		const stamp = inZone(zone, () => formatLogTime(winter));
		assert.equal(Date.parse(stamp), Math.floor(winter.getTime() / 1000) * 1000, zone);
	}
});

test('a stream that fails (EPIPE) is not written again, and the failure is no uncaught error', async () => {
	let writes = 0;
	const stream = new Writable({
		write(_chunk, _encoding, done) {
			writes++;
			done(Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}));
		},
	});
	const print = outputLines(stream);
	print('first');
	await new Promise((resolve) => {
		stream.once('close', resolve);
	});
	print('second');
	print('third');
	assert.equal(writes, 1);
});

test('lines go out whole, one after another, while the stream works', () => {
	const chunks: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			chunks.push(chunk.toString());
			done();
		},
	});
	const print = outputLines(stream);
	print('one');
	print('two');
	assert.deepEqual(chunks, ['one\n', 'two\n']);
});
