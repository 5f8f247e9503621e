// The host's password comparison and its failure record (source/host/login/password-check.ts,
// source/host/login/password-failures.ts), as plain functions with an injected clock.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {passwordsMatch} from '../source/host/login/password-check.js';
import {PasswordFailures, addressKey} from '../source/host/login/password-failures.js';

test('passwords match when equal, and not when they differ in content or length', () => {
	assert.equal(passwordsMatch('s3cret', 's3cret'), true);
	assert.equal(passwordsMatch('s3cret', 's3creT'), false);
	assert.equal(passwordsMatch('s3cret', 's3cre'), false);
	assert.equal(passwordsMatch('s3cret', 's3cret!'), false);
	assert.equal(passwordsMatch('', 's3cret'), false);
	assert.equal(passwordsMatch('x'.repeat(10_000), 'x'), false);
	// The same letters typed composed or decomposed are the same password.
	assert.equal(passwordsMatch('caf\u00e9', 'cafe\u0301'), true);
});

const limits = {delayMs: 100, maxDelayMs: 800, memoryMs: 60_000, maxAddresses: 3};

test('the wait doubles with each failure, up to the cap', () => {
	const failures = new PasswordFailures(limits);
	assert.deepEqual(
		[0, 1, 2, 3, 4, 5, 60].map((n) => failures.delayAfter(n)),
		[0, 100, 200, 400, 800, 800, 800],
	);
});

test('serial tries from one address wait 0, then the growing delay', () => {
	const failures = new PasswordFailures(limits);
	let now = 1000;
	const waits: number[] = [];
	for (let n = 0; n < 6; n++) {
		const wait = failures.waitBeforeCheck('10.0.0.1', now);
		waits.push(wait);
		now += wait;
		failures.failed('10.0.0.1', now);
	}

	assert.deepEqual(waits, [0, 100, 200, 400, 800, 800]);
	assert.equal(failures.waitBeforeCheck('10.0.0.2', now), 0, 'other addresses are not slowed');
});

test('asking for the wait takes nothing: tries that never run cost no time', () => {
	const failures = new PasswordFailures(limits);
	failures.failed('10.0.0.1', 0);
	// Taking turns is password-turns.ts's job (test/host-password-turns.test.ts): the record only
	// says when the next check may run, however often it is asked.
	assert.deepEqual(
		[1, 2, 3].map(() => failures.waitBeforeCheck('10.0.0.1', 0)),
		[100, 100, 100],
	);
	assert.equal(failures.waitBeforeCheck('10.0.0.1', 60), 40);
});

test('a success clears the address, and failures are forgotten after a while', () => {
	const failures = new PasswordFailures(limits);
	failures.failed('10.0.0.1', 0);
	failures.succeeded('10.0.0.1');
	assert.equal(failures.waitBeforeCheck('10.0.0.1', 0), 0);
	failures.failed('10.0.0.2', 0);
	assert.equal(failures.waitBeforeCheck('10.0.0.2', 59_999), 0, 'its slot was at 100');
	failures.failed('10.0.0.2', 59_999);
	assert.equal(failures.waitBeforeCheck('10.0.0.2', 60_000), 199, 'two failures in memory');
	assert.equal(failures.waitBeforeCheck('10.0.0.2', 59_999 + 60_000), 0, 'forgotten');
});

test('the record is bounded: the address that failed longest ago is forgotten first', () => {
	const failures = new PasswordFailures(limits);
	for (const [index, address] of ['10.0.0.1', '10.0.0.2', '10.0.0.3'].entries()) {
		failures.failed(address, index);
	}

	failures.failed('10.0.0.1', 10); // the oldest fails again and becomes the newest
	failures.failed('10.0.0.4', 11);
	assert.equal(failures.size, 3);
	assert.equal(failures.waitBeforeCheck('10.0.0.2', 11), 0, 'forgotten');
	assert.ok(failures.waitBeforeCheck('10.0.0.1', 11) > 0, 'kept');
	for (let n = 0; n < 10_000; n++) failures.failed(`10.1.${n >> 8}.${n & 255}`, 20);
	assert.equal(failures.size, 3);
});

test('IPv4-mapped addresses count as IPv4; IPv6 counts per /64', () => {
	assert.equal(addressKey('::ffff:192.0.2.7'), '192.0.2.7');
	assert.equal(addressKey('192.0.2.7'), '192.0.2.7');
	assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
	assert.equal(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
	assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
	assert.equal(addressKey('::1'), '0:0:0:0::/64');
	assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
	assert.equal(addressKey('unknown'), 'unknown');
});
