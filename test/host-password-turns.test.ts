// Password tries from one address take turns (source/host/login/password-turns.ts), on a fake clock:
// parallel tries wait like serial ones, a try that left is never checked, and the line is bounded.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PasswordFailures} from '../source/host/login/password-failures.js';
import {
	PasswordTurns,
	type PasswordTry,
	type TurnClock,
} from '../source/host/login/password-turns.js';

const limits = {delayMs: 100, maxDelayMs: 800, memoryMs: 60_000, maxAddresses: 100};

/** A clock whose timers run only when the test moves time on. */
function fakeClock(): TurnClock & {advanceTo(time: number): void; pending(): number} {
	let now = 0;
	let timers: Array<{at: number; run: () => void}> = [];
	return {
		now: () => now,
		after(ms, run) {
			const timer = {at: now + ms, run};
			timers.push(timer);
			return () => {
				timers = timers.filter((each) => each !== timer);
			};
		},
		pending: () => timers.length,
		advanceTo(time) {
			for (;;) {
				const due = timers.filter((each) => each.at <= time).sort((a, b) => a.at - b.at)[0];
				if (due === undefined) break;
				timers = timers.filter((each) => each !== due);
				now = due.at;
				due.run();
			}

			now = time;
		},
	};
}

type Verdict = {name: string; at: number; right: boolean};

function setUp(maxWaiting = 16) {
	const clock = fakeClock();
	const turns = new PasswordTurns(new PasswordFailures(limits), maxWaiting, clock);
	const verdicts: Verdict[] = [];
	const asked: string[] = [];
	const attempt = (name: string, right = false, address = '10.0.0.1'): PasswordTry => ({
		address,
		matches() {
			asked.push(name);
			return right;
		},
		decided(isRight) {
			verdicts.push({name, at: clock.now(), right: isRight});
		},
	});
	return {clock, turns, verdicts, asked, attempt};
}

test('parallel tries get their verdicts no faster than serial ones', () => {
	const {clock, turns, verdicts, attempt} = setUp();
	assert.equal(turns.enter(attempt('first')), 'checked', 'a clean address is checked at once');
	for (const name of ['a', 'b', 'c', 'd', 'e']) assert.equal(turns.enter(attempt(name)), 'waiting');
	clock.advanceTo(10_000);
	// Each verdict waits the delay that all the failures before it call for: 100, 200, 400, 800, 800.
	assert.deepEqual(
		verdicts.map(({name, at}) => [name, at]),
		[
			['first', 0],
			['a', 100],
			['b', 300],
			['c', 700],
			['d', 1500],
			['e', 2300],
		],
	);
});

test('a try that leaves is never checked, counts no failure, and holds up nobody', () => {
	const {clock, turns, verdicts, asked, attempt} = setUp();
	turns.enter(attempt('first'));
	const gone = Array.from({length: 10}, (_, n) => attempt(`gone-${n}`));
	for (const each of gone) turns.enter(each);
	const right = attempt('right', true);
	turns.enter(right);
	for (const each of gone) turns.leave(each);
	clock.advanceTo(10_000);
	assert.deepEqual(asked, ['first', 'right']);
	assert.deepEqual(verdicts.at(-1), {name: 'right', at: 100, right: true});
	// The right password cleared the address: the next try is checked at once.
	assert.equal(turns.enter(attempt('later')), 'checked');
});

test('when the first in line leaves, the next one keeps the same turn', () => {
	const {clock, turns, verdicts, attempt} = setUp();
	turns.enter(attempt('first'));
	const a = attempt('a');
	turns.enter(a);
	turns.enter(attempt('b'));
	clock.advanceTo(50);
	turns.leave(a);
	clock.advanceTo(10_000);
	assert.deepEqual(
		verdicts.map(({name, at}) => [name, at]),
		[
			['first', 0],
			['b', 100],
		],
	);
});

test('a right password lets the tries behind it through at once', () => {
	const {clock, turns, verdicts, attempt} = setUp();
	turns.enter(attempt('typo'));
	turns.enter(attempt('alice', true));
	turns.enter(attempt('bob', true));
	turns.enter(attempt('carol', true));
	clock.advanceTo(100);
	assert.deepEqual(
		verdicts.map(({name, at, right}) => [name, at, right]),
		[
			['typo', 0, false],
			['alice', 100, true],
			['bob', 100, true],
			['carol', 100, true],
		],
	);
});

test('the line of one address is bounded; past it a try is refused unchecked', () => {
	const {clock, turns, asked, attempt} = setUp(2);
	turns.enter(attempt('first'));
	assert.equal(turns.enter(attempt('a')), 'waiting');
	assert.equal(turns.enter(attempt('b')), 'waiting');
	assert.equal(turns.enter(attempt('c')), 'full');
	assert.equal(turns.waiting('10.0.0.1'), 2);
	clock.advanceTo(10_000);
	assert.deepEqual(asked, ['first', 'a', 'b'], 'the refused try was never checked');
	assert.equal(turns.waiting('10.0.0.1'), 0);
});

test('an IPv6 /64 is one line; other addresses do not wait for it', () => {
	const {clock, turns, verdicts, attempt} = setUp();
	turns.enter(attempt('first', false, '2001:db8:1:2::1'));
	assert.equal(turns.enter(attempt('same-64', false, '2001:db8:1:2:ffff::9')), 'waiting');
	assert.equal(turns.enter(attempt('other-64', false, '2001:db8:1:3::1')), 'checked');
	assert.equal(turns.enter(attempt('ipv4', false, '10.0.0.2')), 'checked');
	clock.advanceTo(10_000);
	assert.deepEqual(verdicts.find(({name}) => name === 'same-64')?.at, 100);
});

test('when the last try leaves, its timer is cancelled, and the failure still counts', () => {
	const {clock, turns, verdicts, asked, attempt} = setUp();
	turns.enter(attempt('first'));
	const a = attempt('a');
	turns.enter(a);
	assert.equal(clock.pending(), 1);
	turns.leave(a);
	turns.leave(a); // leaving twice is harmless
	assert.equal(clock.pending(), 0);
	assert.equal(turns.waiting('10.0.0.1'), 0);
	clock.advanceTo(50);
	assert.equal(turns.enter(attempt('b')), 'waiting', 'still within the delay of the failure');
	clock.advanceTo(10_000);
	assert.deepEqual(asked, ['first', 'b']);
	assert.deepEqual(verdicts.at(-1)?.at, 100, 'timed from the failure, not from the try that left');
});
