// Waiting messages: appended in a tick's commit, read back per recipient in id order (after a
// reopen too), counted and limited per mailbox, removed once delivered, expired after N days, and
// the highest id kept even when its message is gone.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {DEFAULT_RETENTION_DAYS, expiryCutoff} from '../source/host/store/store-limits.js';
import type {WaitingMessage} from '../source/host/store/waiting-messages.js';
import {storeDir} from './helpers/store-dir.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function message(id: string, fields: Partial<WaitingMessage> = {}): WaitingMessage {
	return {
		id,
		kind: 'stored',
		recipientKey: 'bob',
		time: 1_795_632_000_000,
		sender: 'alice',
		recipient: 'Bob',
		senderRef: `r${id}`,
		text: `text ${id}`,
		...fields,
	};
}

test('messages come back per recipient, in id order, with every field, after a reopen', async (t) => {
	const dir = storeDir();
	let store = openDurableStore({dir});
	const sent = [
		message('1795632000000003'),
		message('1795632000000001', {senderRef: undefined, sender: 'nc-user'}),
		message('1795632000000002', {recipientKey: 'carol', recipient: 'carol'}),
		message('1795632000000004', {kind: 'held', text: 'while away: ünïcødé 张伟'}),
	];
	const outcomes = await Promise.all(sent.map((each) => store.messages.append(each)));
	assert.deepEqual(outcomes, [{kept: true}, {kept: true}, {kept: true}, {kept: true}]);
	await store.close();
	store = openDurableStore({dir});
	t.after(() => store.close());
	assert.deepEqual(store.messages.waitingFor('bob'), [sent[1], sent[0], sent[3]]);
	assert.deepEqual(store.messages.waitingFor('bob', 'held'), [sent[3]]);
	assert.deepEqual(store.messages.waitingFor('bob', 'stored'), [sent[1], sent[0]]);
	assert.deepEqual(store.messages.waitingFor('carol'), [sent[2]]);
	assert.deepEqual(store.messages.waitingFor('dave'), []);
});

test('the same id appended twice is kept once', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await store.messages.append(message('7'));
	await store.messages.append(message('7', {text: 'again'}));
	assert.deepEqual(store.messages.waitingFor('bob'), [message('7')]);
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 1, bytes: 6});
});

test('sizes count messages and UTF-8 bytes per recipient and kind', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await store.messages.append(message('1', {text: 'héllo'}));
	await store.messages.append(message('2', {text: '张伟'}));
	await store.messages.append(message('3', {kind: 'held', text: 'x'}));
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 2, bytes: 6 + 6});
	assert.deepEqual(store.messages.size('bob', 'held'), {messages: 1, bytes: 1});
	await store.messages.remove(['1']);
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 1, bytes: 6});
});

test('a full mailbox refuses the next message, counting those in the same commit', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	const limits = {messages: 3, bytes: 1000};
	const outcomes = await Promise.all(
		['1', '2', '3', '4'].map((id) => store.messages.append(message(id), limits)),
	);
	assert.deepEqual(outcomes, [
		{kept: true},
		{kept: true},
		{kept: true},
		{kept: false, limit: 'messages'},
	]);
	assert.deepEqual(
		await store.messages.append(message('5', {kind: 'held'}), limits),
		{kept: true},
		'held messages are a mailbox of their own',
	);
	const bytes = await store.messages.append(
		message('6', {recipientKey: 'carol', text: 'x'.repeat(1001)}),
		limits,
	);
	assert.deepEqual(bytes, {kept: false, limit: 'bytes'});
	assert.deepEqual(store.messages.waitingFor('carol'), []);
});

test('remove takes delivered messages away for good and says how many were there', async (t) => {
	const dir = storeDir();
	let store = openDurableStore({dir});
	await Promise.all(['1', '2', '3'].map((id) => store.messages.append(message(id))));
	assert.equal(await store.messages.remove(['1', '3', '99']), 2);
	await store.close();
	store = openDurableStore({dir});
	t.after(() => store.close());
	assert.deepEqual(store.messages.waitingFor('bob'), [message('2')]);
});

test('held messages become stored ones in one commit, and move mailbox', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await store.messages.append(message('1'));
	await store.messages.append(message('2', {kind: 'held', text: 'abc'}));
	await store.messages.append(message('3', {kind: 'held', text: 'de'}));
	await store.messages.append(message('4', {kind: 'held', recipientKey: 'carol'}));
	assert.equal(await store.messages.keepHeldAsStored('bob'), 2);
	assert.deepEqual(
		store.messages.waitingFor('bob').map((each) => [each.id, each.kind]),
		[
			['1', 'stored'],
			['2', 'stored'],
			['3', 'stored'],
		],
	);
	assert.deepEqual(store.messages.size('bob', 'held'), {messages: 0, bytes: 0});
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 3, bytes: 6 + 3 + 2});
	assert.deepEqual(store.messages.size('carol', 'held'), {messages: 1, bytes: 6});
});

test('expiry removes messages older than N days and returns them', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	const now = 100 * DAY_MS;
	await store.messages.append(message('1', {time: now - 31 * DAY_MS}));
	await store.messages.append(message('2', {time: now - 29 * DAY_MS}));
	await store.messages.append(message('3', {time: now - 40 * DAY_MS, kind: 'held'}));
	const expired = await store.messages.expireOlderThan(expiryCutoff(now, 30));
	assert.deepEqual(expired.map((each) => each.id).sort(), ['1', '3']);
	assert.deepEqual(store.messages.waitingFor('bob'), [message('2', {time: now - 29 * DAY_MS})]);
	assert.deepEqual(store.messages.size('bob', 'held'), {messages: 0, bytes: 0});
});

test('the sweep drops old messages and releases unused names, by the default days', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	const now = 1000 * DAY_MS;
	const {messages: messageDays, names: nameDays} = DEFAULT_RETENTION_DAYS;
	await store.messages.append(message('1', {time: now - (messageDays + 1) * DAY_MS}));
	await store.messages.append(message('2', {time: now - (messageDays - 1) * DAY_MS}));
	const key = Buffer.alloc(32, 1);
	await store.names.bind({
		nameKey: 'old',
		name: 'old',
		publicKey: key,
		nowMs: now - (nameDays + 1) * DAY_MS,
	});
	await store.names.bind({
		nameKey: 'new',
		name: 'new',
		publicKey: key,
		nowMs: now - (nameDays - 1) * DAY_MS,
	});
	const swept = await store.expireStale(now);
	assert.deepEqual(
		swept.messages.map((each) => each.id),
		['1'],
	);
	assert.deepEqual(
		swept.names.map((each) => each.name),
		['old'],
	);
	assert.deepEqual(
		store.messages.waitingFor('bob').map((each) => each.id),
		['2'],
	);
	assert.deepEqual(
		store.names.list().map((each) => each.name),
		['new'],
	);
});

test('the highest id stays known after its message is delivered and the store reopened', async (t) => {
	const dir = storeDir();
	let store = openDurableStore({dir});
	assert.equal(store.messages.highestId(), undefined);
	await store.messages.append(message('1795632000123999'));
	await store.messages.append(message('1795632000000001'));
	await store.messages.remove(['1795632000123999']);
	await store.close();
	store = openDurableStore({dir});
	t.after(() => store.close());
	assert.equal(store.messages.highestId(), '1795632000123999');
});

test('an id that is not a positive decimal number is refused', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await assert.rejects(store.messages.append(message('12a')), /not "12a"/);
	await assert.rejects(store.messages.remove(['-1']), /not "-1"/);
});

test('parts keep their options, and a message of several parts counts once, whoever writes between', async (t) => {
	const dir = storeDir();
	let store = openDurableStore({dir});
	const parts = [
		message('11', {text: 'one', options: {action: true, more: 1}}),
		message('12', {sender: 'carol', senderRef: 'c1', text: 'between'}),
		message('13', {text: 'two', options: {action: true, more: 0}}),
		message('14', {text: 'three', options: {action: true}}),
		message('15', {text: 'next'}),
	];
	for (const part of parts) await store.messages.append(part);
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 3, bytes: 22});
	await store.close();
	store = openDurableStore({dir});
	t.after(() => store.close());
	assert.deepEqual(store.messages.waitingFor('bob'), parts);
	await store.messages.remove(['11']);
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 2, bytes: 19});
	await store.messages.remove(['12', '15']);
	assert.deepEqual(
		store.messages.size('bob', 'stored'),
		{messages: 0, bytes: 8},
		'parts still wait',
	);
	const limits = {messages: 1, bytes: 100};
	assert.deepEqual(await store.messages.append(message('16'), limits), {kept: true});
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 1, bytes: 15});
});

test('held parts moved to stored keep their count as one message', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	await store.messages.append(message('21', {kind: 'held', options: {more: 1}}));
	await store.messages.append(message('22', {kind: 'held'}));
	assert.deepEqual(store.messages.size('bob', 'held'), {messages: 1, bytes: 14});
	assert.equal(await store.messages.keepHeldAsStored('bob'), 2);
	assert.deepEqual(store.messages.size('bob', 'held'), {messages: 0, bytes: 0});
	assert.deepEqual(store.messages.size('bob', 'stored'), {messages: 1, bytes: 14});
});
