import assert from 'node:assert/strict';
import {test} from 'node:test';
import {appendMessage, emptyLog, type MessageLog} from '../source/ui/state/message-log.js';
import {
	scrollDown,
	scrollUp,
	visibleWindow,
	type DisplayLine,
} from '../source/ui/state/visible-window.js';

const day = (date: number, minute = 0) => new Date(2026, 10, date, 12, minute).getTime();

function logOf(texts: string[], time = () => day(25)): MessageLog {
	let log = emptyLog;
	for (const text of texts) log = appendMessage(log, {time: time(), from: 'bob', text});
	return log;
}

const textOf = (line: DisplayLine) =>
	line.kind === 'day' ? `-- ${line.label}` : line.line.spans.map((span) => span.text).join('');

const numbered = (count: number) => Array.from({length: count}, (_, index) => `m${index}`);

test('following the bottom shows the newest lines, with a day line where the day starts', () => {
	const log = logOf(numbered(3));
	assert.deepEqual(visibleWindow(log, undefined, 40, 10).map(textOf), [
		'-- Wed 25 Nov 2026',
		'12:00 bob: m0',
		'12:00 bob: m1',
		'12:00 bob: m2',
	]);
	assert.deepEqual(visibleWindow(log, undefined, 40, 2).map(textOf), [
		'12:00 bob: m1',
		'12:00 bob: m2',
	]);
});

test('a day change inside the conversation gets its own line', () => {
	let date = 24;
	const log = logOf(['late', 'early'], () => day(date++));
	assert.deepEqual(visibleWindow(log, undefined, 40, 10).map(textOf), [
		'-- Tue 24 Nov 2026',
		'12:00 bob: late',
		'-- Wed 25 Nov 2026',
		'12:00 bob: early',
	]);
});

test('scrolling up a page and back down returns to the bottom', () => {
	const log = logOf(numbered(50));
	const up = scrollUp(log, undefined, 5, 40, 6);
	assert.ok(up);
	assert.deepEqual(visibleWindow(log, up, 40, 6).map(textOf).at(-1), '12:00 bob: m44');
	const further = scrollUp(log, up, 5, 40, 6);
	assert.deepEqual(visibleWindow(log, further, 40, 6).map(textOf).at(-1), '12:00 bob: m39');
	assert.equal(scrollDown(log, scrollDown(log, further, 5, 40), 5, 40), undefined);
});

test('scrolling up stops at the first line', () => {
	const log = logOf(numbered(20));
	let anchor = scrollUp(log, undefined, 5, 40, 6);
	for (let page = 0; page < 10; page++) anchor = scrollUp(log, anchor, 5, 40, 6);
	const lines = visibleWindow(log, anchor, 40, 6).map(textOf);
	assert.equal(lines.length, 6);
	assert.equal(lines[0], '-- Wed 25 Nov 2026');
	assert.equal(lines[1], '12:00 bob: m0');
});

test('nothing to scroll when everything fits', () => {
	assert.equal(scrollUp(logOf(numbered(3)), undefined, 5, 40, 10), undefined);
});

test('new messages do not move a scrolled view', () => {
	let log = logOf(numbered(30));
	const anchor = scrollUp(log, undefined, 10, 40, 5);
	const before = visibleWindow(log, anchor, 40, 5).map(textOf);
	log = appendMessage(log, {time: day(25), from: 'bob', text: 'later'});
	assert.deepEqual(visibleWindow(log, anchor, 40, 5).map(textOf), before);
});

test('a wrapped message scrolls line by line', () => {
	const log = logOf(['one two three four five six seven eight nine ten', 'last']);
	const anchor = scrollUp(log, undefined, 1, 20, 2);
	const lines = visibleWindow(log, anchor, 20, 2).map(textOf);
	assert.equal(lines.length, 2);
	assert.match(lines[1] ?? '', /ten$/);
});

test('the window over a 100,000 message history only wraps what it shows', () => {
	let log = emptyLog;
	for (let index = 0; index < 100_000; index++) {
		log = appendMessage(log, {time: day(25), from: 'bob', text: `message ${index}`});
	}
	const lines = visibleWindow(log, undefined, 60, 20).map(textOf);
	assert.equal(lines.length, 20);
	assert.equal(lines.at(-1), '12:00 bob: message 99999');
	const anchor = scrollUp(log, undefined, 19, 60, 20);
	assert.equal(visibleWindow(log, anchor, 60, 20).map(textOf).at(-1), '12:00 bob: message 99980');
});
