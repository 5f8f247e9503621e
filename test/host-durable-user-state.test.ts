// The state seam's durable sibling (source/host/durable/durable-user-state.ts): a held message is
// in the store before HELD is answered, in order; a store that cannot keep it answers why, holds
// nothing, and says so in one log line for the whole failure, not one per message.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DurableUserState} from '../source/host/durable/durable-user-state.js';
import {StoreHealth} from '../source/host/durable/store-health.js';
import {MemoryUserState} from '../source/host/relay/memory-user-state.js';
import {PresenceNews} from '../source/host/relay/presence-news.js';
import {type Delivery, User} from '../source/host/relay/user.js';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {StoreWriteError} from '../source/host/store/store-errors.js';
import {nameKey} from '../source/protocol/name-key.js';
import {encodeMsg} from '../source/protocol/structured-messages.js';
import {storeDir} from './helpers/store-dir.js';

function user(name: string): User {
	return new User(name, nameKey(name), 'structured');
}

function delivery(id: string, sender: User, recipient: User, text: string): Delivery {
	const line = encodeMsg(id, 1000, sender.name, recipient.name, `r${id}`, text);
	return {id, time: 1000, sender, ref: `r${id}`, recipient, line, kept: undefined};
}

function memory(): MemoryUserState {
	return new MemoryUserState(
		new PresenceNews(
			() => [],
			() => [],
		),
		10,
	);
}

test('held messages are in the store, in order, when hold answers', async (t) => {
	const store = openDurableStore({dir: storeDir()});
	t.after(() => store.close());
	const users = new DurableUserState(memory(), store.messages, new StoreHealth(() => {}));
	const alice = user('alice');
	const bob = user('bob');
	const outcomes = await Promise.all([
		users.hold(delivery('11', alice, bob, 'one: with a colon')),
		users.hold(delivery('12', alice, bob, 'two')),
	]);
	assert.deepEqual(outcomes, [{kind: 'held'}, {kind: 'held'}]);
	const kept = store.messages.waitingFor('bob', 'held');
	assert.deepEqual(
		kept.map((message) => [message.id, message.sender, message.senderRef, message.text]),
		[
			['11', 'alice', 'r11', 'one: with a colon'],
			['12', 'alice', 'r12', 'two'],
		],
	);
	const taken = await users.takeHeld(bob);
	assert.deepEqual(
		taken.map((each) => [each.id, each.kept]),
		[
			['11', 'held'],
			['12', 'held'],
		],
	);
});

test('a hold the store cannot keep is unkept with a reason, not held, and logged once', async () => {
	const store = openDurableStore({dir: storeDir()});
	const log: string[] = [];
	const users = new DurableUserState(
		memory(),
		store.messages,
		new StoreHealth((line) => log.push(line)),
	);
	await store.close();
	const alice = user('alice');
	const bob = user('bob');
	const outcomes = await Promise.all([
		users.hold(delivery('21', alice, bob, 'lost')),
		users.hold(delivery('22', alice, bob, 'lost too')),
	]);
	const failure = new StoreWriteError('store-closed');
	for (const outcome of outcomes) {
		assert.deepEqual(outcome, {kind: 'unkept', code: 'store-closed', reason: failure.message});
	}

	assert.deepEqual(await users.takeHeld(bob), [], 'nothing is held that the store did not keep');
	assert.equal(log.length, 1, log.join('\n'));
});

test('the store health logs a failure once and the recovery once', () => {
	const log: string[] = [];
	const health = new StoreHealth((line) => log.push(line));
	health.wrote();
	const full = Object.assign(new Error('disk full'), {code: 'SQLITE_FULL'});
	assert.equal(health.failed(full).code, 'store-full');
	health.failed(full);
	health.wrote();
	health.wrote();
	assert.equal(log.length, 2);
	assert.match(
		log[0] ?? '',
		/^store: the host's disk is full, so the message was not kept \(store-full\)/,
	);
	assert.equal(log[1], 'store: writing again');
});
