// One timer for many deadlines, with a mocked clock stepped a millisecond at a time: each entry
// is called at its deadline, in deadline order, never sooner; cancelled and moved deadlines
// are honoured.

import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import {DeadlineTimer, type DeadlineEntry} from '../source/host/connection/deadline-timer.js';

function entry(name: string, calls: string[]): DeadlineEntry {
	return {
		deadlineAt: 0,
		deadlineIndex: -1,
		deadlineReached() {
			calls.push(`${name}@${Date.now()}`);
		},
	};
}

/** Moves the mocked clock one millisecond at a time, so each timer runs at its own time. */
function step(t: TestContext, ms: number): void {
	for (let count = 0; count < ms; count++) t.mock.timers.tick(1);
}

test('entries are called at their deadlines, in order, whatever order they came in', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const calls: string[] = [];
	const timer = new DeadlineTimer();
	timer.schedule(entry('a', calls), 300);
	timer.schedule(entry('b', calls), 100);
	timer.schedule(entry('c', calls), 200);
	timer.schedule(entry('d', calls), 100);
	step(t, 99);
	assert.deepEqual(calls, []);
	step(t, 1);
	assert.deepEqual(calls.toSorted(), ['b@100', 'd@100']);
	step(t, 200);
	assert.deepEqual(calls.slice(2), ['c@200', 'a@300']);
	assert.equal(timer.size, 0);
});

test('a cancelled entry is never called; a moved one is called at its new deadline', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const calls: string[] = [];
	const timer = new DeadlineTimer();
	const a = entry('a', calls);
	const b = entry('b', calls);
	const c = entry('c', calls);
	timer.schedule(a, 100);
	timer.schedule(b, 200);
	timer.schedule(c, 300);
	timer.cancel(a);
	timer.schedule(c, 50);
	timer.schedule(b, 400);
	step(t, 1000);
	assert.deepEqual(calls, ['c@50', 'b@400']);
	timer.cancel(a);
	assert.equal(timer.size, 0);
});

test('an entry may schedule itself again when called; many entries keep their order', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const timer = new DeadlineTimer();
	const beats: number[] = [];
	const beat: DeadlineEntry = {
		deadlineAt: 0,
		deadlineIndex: -1,
		deadlineReached() {
			beats.push(Date.now());
			if (beats.length < 5) timer.schedule(beat, 10);
		},
	};
	timer.schedule(beat, 10);
	const order: number[] = [];
	const many = Array.from({length: 200}, (_, index) => ({
		deadlineAt: 0,
		deadlineIndex: -1,
		deadlineReached() {
			order.push(index);
		},
	}));
	// Deadlines 1000 + (index × 37 mod 200): a different millisecond each.
	const due = (index: number) => (index * 37) % 200;
	for (const [index, each] of many.entries()) timer.schedule(each, 1000 + due(index));
	for (const [index, each] of many.entries()) if (index % 3 === 0) timer.cancel(each);
	step(t, 1300);
	assert.deepEqual(beats, [10, 20, 30, 40, 50]);
	const expected = many
		.map((_, index) => index)
		.filter((index) => index % 3 !== 0)
		.sort((x, y) => due(x) - due(y));
	assert.deepEqual(order, expected);
	assert.equal(timer.size, 0);
});
