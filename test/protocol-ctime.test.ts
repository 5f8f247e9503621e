import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {CtimeClock, formatCtime} from '../source/protocol/ctime.js';

// Node re-reads TZ when it is assigned; each test file runs in its own process.
const originalTz = process.env['TZ'];
afterEach(() => {
	if (originalTz === undefined) delete process.env['TZ'];
	else process.env['TZ'] = originalTz;
});

test('the example from the protocol, in UTC', () => {
	process.env['TZ'] = 'UTC';
	assert.equal(formatCtime(Date.UTC(2026, 10, 25, 18, 40, 0)), 'Wed Nov 25 18:40:00 2026');
});

test('a one-digit day is padded with a space, hours, minutes and seconds with a zero', () => {
	process.env['TZ'] = 'UTC';
	assert.equal(formatCtime(Date.UTC(2026, 10, 5, 7, 3, 9)), 'Thu Nov  5 07:03:09 2026');
	assert.equal(formatCtime(Date.UTC(2000, 0, 1, 0, 0, 0)), 'Sat Jan  1 00:00:00 2000');
	assert.equal(formatCtime(Date.UTC(1999, 11, 31, 23, 59, 59)), 'Fri Dec 31 23:59:59 1999');
});

test('uses the local time zone, including half-hour offsets and date changes', () => {
	const instant = Date.UTC(2026, 10, 25, 22, 40, 0);
	process.env['TZ'] = 'Asia/Kolkata';
	assert.equal(formatCtime(instant), 'Thu Nov 26 04:10:00 2026');
	process.env['TZ'] = 'America/New_York';
	assert.equal(formatCtime(instant), 'Wed Nov 25 17:40:00 2026');
});

test('agrees with the Date getters over a year of instants', () => {
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const months = [
		'Jan',
		'Feb',
		'Mar',
		'Apr',
		'May',
		'Jun',
		'Jul',
		'Aug',
		'Sep',
		'Oct',
		'Nov',
		'Dec',
	];
	const pad = (value: number) => String(value).padStart(2, '0');
	for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 3_600_000 + 1234) {
		const date = new Date(ms);
		const expected = `${days[date.getDay()]} ${months[date.getMonth()]} ${String(date.getDate()).padStart(2, ' ')} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${date.getFullYear()}`;
		assert.equal(formatCtime(ms), expected);
	}
});

test('the clock formats once per second and follows the time', () => {
	process.env['TZ'] = 'UTC';
	const clock = new CtimeClock();
	const second = Date.UTC(2026, 10, 25, 18, 40, 0);
	const first = clock.now(second);
	assert.equal(first, 'Wed Nov 25 18:40:00 2026');
	assert.equal(clock.now(second + 999), first);
	assert.equal(clock.now(second + 1000), 'Wed Nov 25 18:40:01 2026');
	assert.equal(clock.now(second - 1), 'Wed Nov 25 18:39:59 2026');
});

test('the clock defaults to now', () => {
	const before = formatCtime(Date.now());
	const now = new CtimeClock().now();
	const after = formatCtime(Date.now());
	assert.ok(now === before || now === after);
});
