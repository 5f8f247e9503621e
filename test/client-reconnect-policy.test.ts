import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	GRACE_MARGIN_MS,
	RECONNECT_INITIAL_DELAY_MS,
	RECONNECT_JITTER_RATIO,
	RECONNECT_MAX_DELAY_MS,
} from '../source/client/limits.js';
import {
	GIVE_UP_AFTER_FIVE_MINUTES,
	GIVE_UP_NEVER,
	isRetryableBye,
	isRetryableRefusal,
	isTransientSocketError,
	reconnectDelayMs,
	retryDetail,
	shouldGiveUp,
} from '../source/client/reconnect-policy.js';

test('the delay doubles from the initial delay when jitter takes nothing', () => {
	const noJitter = () => 0;
	assert.equal(reconnectDelayMs(0, noJitter), RECONNECT_INITIAL_DELAY_MS);
	assert.equal(reconnectDelayMs(1, noJitter), RECONNECT_INITIAL_DELAY_MS * 2);
	assert.equal(reconnectDelayMs(2, noJitter), RECONNECT_INITIAL_DELAY_MS * 4);
});

test('the delay never passes the cap, however many tries failed', () => {
	for (const attempt of [10, 30, 100, 10_000]) {
		assert.equal(
			reconnectDelayMs(attempt, () => 0),
			RECONNECT_MAX_DELAY_MS,
		);
	}
});

test('jitter stays within its share of the delay', () => {
	for (let attempt = 0; attempt < 12; attempt++) {
		const full = reconnectDelayMs(attempt, () => 0);
		const least = reconnectDelayMs(attempt, () => 0.999_999);
		assert.ok(least >= Math.floor(full * (1 - RECONNECT_JITTER_RATIO)), `attempt ${attempt}`);
		assert.ok(least < full, `attempt ${attempt}: jitter must take something`);
		for (let sample = 0; sample < 50; sample++) {
			const delay = reconnectDelayMs(attempt);
			assert.ok(delay >= least && delay <= full, `attempt ${attempt}: ${delay}`);
		}
	}
});

test('a refused connection is fatal before the first login and transient after it', () => {
	assert.equal(isTransientSocketError('ECONNREFUSED', false), false);
	assert.equal(isTransientSocketError('ECONNREFUSED', true), true);
	assert.equal(isTransientSocketError('ENOTFOUND', false), false);
	assert.equal(isTransientSocketError('ECONNRESET', false), true);
	assert.equal(isTransientSocketError('ETIMEDOUT', true), true);
	assert.equal(isTransientSocketError('EACCES', true), false);
});

test('a refusal of the first login is final', () => {
	const first = {hasLoggedInBefore: false, sinceDropMs: 0, graceMs: 60_000};
	for (const code of ['name-taken', 'login-timeout', 'too-many-connections', 'password-wrong']) {
		assert.equal(isRetryableRefusal(code, first), false, code);
	}
});

test('refusals that will not change are never retried on a reconnect', () => {
	const reconnect = {hasLoggedInBefore: true, sinceDropMs: 1000, graceMs: 60_000};
	for (const code of [
		'name-invalid',
		'version-unsupported',
		'password-required',
		'password-wrong',
	]) {
		assert.equal(isRetryableRefusal(code, reconnect), false, code);
	}

	assert.equal(isRetryableRefusal('login-timeout', reconnect), true);
	assert.equal(isRetryableRefusal('too-many-connections', reconnect), true);
});

test('a taken name on a reconnect is retried only while our old session may still hold it', () => {
	const graceMs = 60_000;
	assert.equal(
		isRetryableRefusal('name-taken', {hasLoggedInBefore: true, sinceDropMs: 30_000, graceMs}),
		true,
	);
	assert.equal(
		isRetryableRefusal('name-taken', {
			hasLoggedInBefore: true,
			sinceDropMs: graceMs + GRACE_MARGIN_MS,
			graceMs,
		}),
		false,
	);
});

test('a host shutdown or ping timeout is retried, a quit or a takeover is not', () => {
	assert.equal(isRetryableBye('shutdown'), true);
	assert.equal(isRetryableBye('ping-timeout'), true);
	assert.equal(isRetryableBye('quit'), false);
	assert.equal(isRetryableBye('replaced'), false);
	assert.equal(isRetryableBye('flood'), false);
});

test('the give-up policies', () => {
	assert.equal(shouldGiveUp(GIVE_UP_NEVER, 365 * 24 * 3_600_000), false);
	assert.equal(shouldGiveUp(GIVE_UP_AFTER_FIVE_MINUTES, 4 * 60_000), false);
	assert.equal(shouldGiveUp(GIVE_UP_AFTER_FIVE_MINUTES, 5 * 60_000), true);
});

test('the reconnecting detail names whole seconds, at least one', () => {
	assert.equal(retryDetail(4000), 'retrying in 4 s');
	assert.equal(retryDetail(250), 'retrying in 1 s');
	assert.equal(retryDetail(14_600), 'retrying in 15 s');
});
