// The store's pure rules: what an engine's error code means, when a mailbox is full, where a
// restarted host's ids begin, and when a record has expired.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MessageIds} from '../source/host/relay/message-ids.js';
import {mailboxLimitReached} from '../source/host/store/mailbox-limits.js';
import {messageIdsStartMs} from '../source/host/store/next-id-start.js';
import {describeStoreFailure, storeFailureOf} from '../source/host/store/store-failures.js';
import {DEFAULT_MAILBOX_LIMITS, expiryCutoff} from '../source/host/store/store-limits.js';

const withCode = (code: string) => Object.assign(new Error(code), {code});

test('error codes map to failures by family, extended SQLite codes included', () => {
	const cases: Array<[string, string]> = [
		['SQLITE_FULL', 'store-full'],
		['ENOSPC', 'store-full'],
		['SQLITE_IOERR_WRITE', 'store-unwritable'],
		['SQLITE_READONLY_DBMOVED', 'store-unwritable'],
		['EACCES', 'store-unwritable'],
		['SQLITE_CORRUPT', 'store-damaged'],
		['SQLITE_NOTADB', 'store-damaged'],
		['SQLITE_BUSY_SNAPSHOT', 'store-busy'],
		['SQLITE_CONSTRAINT_CHECK', 'store-failed'],
		['SQLITE_FULLNESS', 'store-failed'],
	];
	for (const [code, failure] of cases) assert.equal(storeFailureOf(withCode(code)), failure, code);
	assert.equal(storeFailureOf(new Error('no code')), 'store-failed');
	assert.equal(storeFailureOf('a string'), 'store-failed');
});

test('each failure is one sentence without a line break', () => {
	for (const failure of [
		'store-full',
		'store-unwritable',
		'store-damaged',
		'store-busy',
		'store-closed',
		'store-failed',
	] as const) {
		assert.match(describeStoreFailure(failure), /^[^\n]+[^.]$/);
	}
});

test('a mailbox is full when one more message or its bytes would pass a limit', () => {
	const limits = {messages: 1000, bytes: 2048};
	assert.equal(mailboxLimitReached({messages: 999, bytes: 0}, 10, limits), undefined);
	assert.equal(mailboxLimitReached({messages: 1000, bytes: 0}, 10, limits), 'messages');
	assert.equal(mailboxLimitReached({messages: 1, bytes: 2000}, 48, limits), undefined);
	assert.equal(mailboxLimitReached({messages: 1, bytes: 2000}, 49, limits), 'bytes');
});

test('the default mailbox takes its count of small messages, and not one more', () => {
	const {messages} = DEFAULT_MAILBOX_LIMITS;
	const small = {messages: messages - 1, bytes: (messages - 1) * 100};
	assert.equal(mailboxLimitReached(small, 100, DEFAULT_MAILBOX_LIMITS), undefined);
	const full = {messages, bytes: messages * 100};
	assert.equal(mailboxLimitReached(full, 100, DEFAULT_MAILBOX_LIMITS), 'messages');
});

test('a restarted host starts its ids at its clock, or above the highest stored id', () => {
	assert.equal(messageIdsStartMs(undefined, 1_795_632_000_123.7), 1_795_632_000_123);
	assert.equal(messageIdsStartMs('1795631000000000', 1_795_632_000_123), 1_795_632_000_123);
	// The clock went back past ids already given.
	const start = messageIdsStartMs('1795632000123999', 1_795_000_000_000);
	assert.equal(new MessageIds(start).next(), '1795632000124000');
	assert.equal(new MessageIds(messageIdsStartMs('1795632000123000', 0)).next(), '1795632000124000');
});

test('the expiry cutoff is N whole days before now', () => {
	const day = 86_400_000;
	assert.equal(expiryCutoff(100 * day, 30), 70 * day);
	assert.equal(expiryCutoff(100 * day, 0), 100 * day);
});
