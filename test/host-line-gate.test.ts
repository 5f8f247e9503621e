// The line gate: lines pass while tokens last, then wait with the socket paused, and a client
// whose lines keep waiting for the flood time is reported. Driven by mocked timers and clock.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {LineGate, type LineGateSink} from '../source/host/connection/line-gate.js';
import {TokenBucket} from '../source/host/connection/token-bucket.js';

function recordingSink(): LineGateSink & {events: string[]} {
	const events: string[] = [];
	return {
		events,
		gateLine: (line) => events.push(line),
		gatePause: () => events.push('pause'),
		gateResume: () => events.push('resume'),
		gateThrottled: () => events.push('throttled'),
		gateFlood: () => events.push('flood'),
	};
}

test('lines past the burst wait, paused, and pass at the rate in order', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const sink = recordingSink();
	const gate = new LineGate(new TokenBucket(10, 2, 0), 10_000, sink);
	for (const line of ['a', 'b', 'c', 'd']) gate.offer(line);
	assert.deepEqual(sink.events, ['a', 'b', 'pause', 'throttled']);
	assert.equal(gate.waiting, 2);
	t.mock.timers.tick(100);
	assert.deepEqual(sink.events.slice(4), ['c']);
	t.mock.timers.tick(100);
	assert.deepEqual(sink.events.slice(5), ['d', 'resume']);
	assert.equal(gate.idle, true);
	// A second wait does not warn again.
	gate.offer('e');
	gate.offer('f');
	assert.deepEqual(sink.events.slice(7), ['pause']);
});

test('lines that keep waiting without a break are a flood', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const sink = recordingSink();
	const gate = new LineGate(new TokenBucket(10, 1, 0), 1000, sink);
	// A client that refills the backlog as soon as it drains, as a paused flooder does.
	const feed = (): void => {
		while (gate.waiting < 3) gate.offer('x');
	};

	feed();
	for (let elapsed = 0; elapsed < 1200 && !sink.events.includes('flood'); elapsed += 100) {
		t.mock.timers.tick(100);
		if (gate.idle) feed();
	}

	assert.ok(sink.events.includes('flood'));
	gate.stop();
});

test('a pause longer than the episode gap starts the flood clock again', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const sink = recordingSink();
	const gate = new LineGate(new TokenBucket(10, 1, 0), 1500, sink);
	for (let round = 0; round < 5; round++) {
		gate.offer('1');
		gate.offer('2');
		t.mock.timers.tick(100);
		// Quiet for 2 s: the backlog emptied long ago, so the next wait is a new episode.
		t.mock.timers.tick(2000);
	}

	assert.ok(!sink.events.includes('flood'));
});

test('no bucket: every line passes at once', () => {
	const sink = recordingSink();
	const gate = new LineGate(undefined, 1000, sink);
	for (let index = 0; index < 1000; index++) gate.offer('n');
	assert.equal(sink.events.length, 1000);
	assert.ok(sink.events.every((event) => event === 'n'));
});

test('after stop nothing passes and no timer is left', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const sink = recordingSink();
	const gate = new LineGate(new TokenBucket(1, 1, 0), 1000, sink);
	gate.offer('a');
	gate.offer('b');
	gate.stop();
	t.mock.timers.tick(5000);
	gate.offer('c');
	assert.deepEqual(sink.events, ['a', 'pause', 'throttled']);
});
