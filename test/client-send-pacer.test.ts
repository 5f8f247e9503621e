import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PACING_BURST_RESERVE, PACING_RATE_SHARE} from '../source/client/limits.js';
import {SendPacer} from '../source/client/send-pacer.js';

test('the burst, less a reserve for pings and a quit, goes at once; then the pacer waits', () => {
	const pacer = new SendPacer({rate: 20, burst: 100}, 0);
	let sent = 0;
	while (pacer.take(0)) sent++;
	assert.equal(sent, 100 - PACING_BURST_RESERVE);
	assert.equal(pacer.msUntilToken(0), Math.ceil(1000 / (20 * PACING_RATE_SHARE)));
});

test('after the burst it sends a little under the host rate, never over it', () => {
	const pacer = new SendPacer({rate: 20, burst: 100}, 0);
	while (pacer.take(0));
	let sent = 0;
	for (let now = 1; now <= 10_000; now++) if (pacer.take(now)) sent++;
	// Ten seconds at 90% of 20 lines a second.
	assert.equal(sent, 20 * PACING_RATE_SHARE * 10);
	assert.ok(sent < 20 * 10);
});

test('the host bucket never runs dry over a long paste: it is always a few lines ahead', () => {
	// The host's own bucket, fed exactly what the pacer lets go.
	const rate = 20;
	const burst = 100;
	const pacer = new SendPacer({rate, burst}, 0);
	let hostTokens = burst;
	let last = 0;
	for (let now = 0; now <= 60_000; now += 5) {
		hostTokens = Math.min(burst, hostTokens + ((now - last) * rate) / 1000);
		last = now;
		while (pacer.take(now)) {
			hostTokens -= 1;
			assert.ok(hostTokens >= PACING_BURST_RESERVE - 1, `the host had ${hostTokens} at ${now} ms`);
		}
	}
});

test('a fresh login refills the pacer; a host rate of 0 means no pacing', () => {
	const pacer = new SendPacer({rate: 20, burst: 20}, 0);
	while (pacer.take(0));
	assert.equal(pacer.take(0), false);
	pacer.reset({rate: 20, burst: 20}, 10);
	assert.equal(pacer.take(10), true);
	pacer.reset({rate: 0, burst: 100}, 20);
	for (let line = 0; line < 10_000; line++) assert.equal(pacer.take(20), true);
	assert.equal(pacer.msUntilToken(20), 0);
});

test('a burst no larger than the reserve still lets one line through', () => {
	const pacer = new SendPacer({rate: 1, burst: 5}, 0);
	assert.equal(pacer.take(0), true);
	assert.equal(pacer.take(0), false);
});
