// The keepalive timer with a mocked clock: when it pings, when an answer counts, when it gives up.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DeadlineTimer} from '../source/host/connection/deadline-timer.js';
import {Keepalive} from '../source/host/connection/keepalive.js';

function recorder() {
	const events: string[] = [];
	return {
		events,
		sink: {
			keepalivePing: (token: string) => events.push(`ping@${token}`),
			keepaliveTimeout: () => events.push(`timeout@${Date.now()}`),
		},
	};
}

test('a silent client is pinged after the silence, and dropped when no answer comes', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const {events, sink} = recorder();
	const keepalive = new Keepalive(1000, 500, sink, new DeadlineTimer());
	keepalive.start();
	t.mock.timers.tick(999);
	assert.deepEqual(events, []);
	t.mock.timers.tick(1);
	assert.deepEqual(events, ['ping@1000']);
	t.mock.timers.tick(500);
	assert.deepEqual(events, ['ping@1000', 'timeout@1500']);
});

test('lines restart the silence clock; an answer means the next ping comes a silence later', (t) => {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 0});
	const {events, sink} = recorder();
	const keepalive = new Keepalive(100, 5000, sink, new DeadlineTimer());
	keepalive.start();
	t.mock.timers.tick(60);
	keepalive.heard(60);
	t.mock.timers.tick(60);
	assert.deepEqual(events, [], 'the line at 60 ms put the ping off');
	t.mock.timers.tick(40);
	assert.deepEqual(events, ['ping@160']);
	keepalive.heard(170);
	t.mock.timers.tick(110);
	assert.deepEqual(events, ['ping@160', 'ping@270']);
	keepalive.stop();
	t.mock.timers.tick(10_000);
	assert.equal(events.length, 2);
});
