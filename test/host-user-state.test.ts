// The state seam (source/host/relay/user-state.ts) through its interface, on the in-memory
// implementation: names claimed once in any spelling, away users keeping theirs, messages held
// in order up to the limit, presence into the host's news; all answered in the same tick.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nameKey} from '../source/protocol/name-rules.js';
import {whenReady} from '../source/host/relay/eventually.js';
import {MemoryUserState} from '../source/host/relay/memory-user-state.js';
import {PresenceNews, type NewsReader} from '../source/host/relay/presence-news.js';
import {type Delivery, User, type UserLink} from '../source/host/relay/user.js';
import type {UserState} from '../source/host/relay/user-state.js';

/** Small, so the tests reach it. */
const MAX_HELD = 3;

function link(): UserLink {
	return {
		send() {},
		sendDelivery() {},
		close() {},
		catchUpNews() {},
		skipNews() {},
		holdLinesUntil() {},
	};
}

function user(name: string, face: User['face'] = 'structured'): User {
	return new User(name, nameKey(name), face);
}

function setup(): {users: UserState} {
	return {
		users: new MemoryUserState(
			new PresenceNews(
				() => [],
				() => [],
			),
			MAX_HELD,
		),
	};
}

function delivery(id: string, recipient: User): Delivery {
	return {id, time: 0, sender: user('sender'), ref: id, recipient, line: `MSG ${id}`};
}

test('a claimed name is found in any case and with look-alike letters, and claimed only once', () => {
	const {users} = setup();
	const alice = user('alice');
	const aliceLink = link();
	assert.equal(users.claim(alice, aliceLink), true);
	assert.equal(alice.link, aliceLink);
	assert.equal(users.find('alice'), alice);
	assert.equal(users.find('ALICE'), alice);
	assert.equal(users.find('\u0430lice'), alice, 'Cyrillic а finds alice');
	const lookAlike = user('\u0430lice');
	assert.equal(users.claim(lookAlike, link()), false);
	assert.equal(lookAlike.link, undefined, 'a refused claim does not attach');
	assert.equal(users.size, 1);
	assert.deepEqual(
		[...users.users()].map((each) => each.name),
		['alice'],
	);
});

test('the in-memory state answers claims and holds in the same tick, with no promise', () => {
	const {users} = setup();
	const bob = user('bob');
	const claimed = users.claim(bob, link());
	assert.equal(typeof claimed, 'boolean');
	users.detach(bob);
	assert.equal(users.hold(delivery('1', bob)) instanceof Promise, false);
	assert.ok(Array.isArray(users.takeHeld(bob)));
	assert.ok(Array.isArray(users.release(bob)));
});

test('an away user keeps the name until released, and a resume attaches a new link', () => {
	const {users} = setup();
	const bob = user('bob');
	users.claim(bob, link());
	users.detach(bob);
	assert.equal(bob.link, undefined);
	assert.equal(users.find('bob'), bob, 'away, the name is still taken');
	assert.equal(users.claim(user('Bob'), link()), false);
	const again = link();
	users.attach(bob, again);
	assert.equal(bob.link, again);
	users.release(bob);
	assert.equal(users.find('bob'), undefined);
	assert.equal(users.size, 0);
	const next = user('bob');
	assert.equal(users.claim(next, link()), true, 'a released name is free again');
});

test('releasing a user frees only that user, not a later one with the same name', () => {
	const {users} = setup();
	const first = user('carol');
	users.claim(first, link());
	users.release(first);
	const second = user('carol');
	users.claim(second, link());
	users.release(first);
	assert.equal(users.find('carol'), second);
});

test('messages for an away user are held in order up to the limit, then refused with the count', () => {
	const {users} = setup();
	const dave = user('dave');
	users.claim(dave, link());
	users.detach(dave);
	for (const id of ['1', '2', '3'])
		assert.deepEqual(users.hold(delivery(id, dave)), {kind: 'held'});
	assert.deepEqual(users.hold(delivery('4', dave)), {kind: 'full', waiting: MAX_HELD});
	const held = users.takeHeld(dave);
	assert.ok(Array.isArray(held));
	assert.deepEqual(
		held.map((each) => each.id),
		['1', '2', '3'],
	);
	assert.deepEqual(users.takeHeld(dave), [], 'taken once');
	assert.deepEqual(users.hold(delivery('5', dave)), {kind: 'held'}, 'room again once taken');
});

test("a replaced connection's unwritten messages go ahead of the held ones", () => {
	const {users} = setup();
	const erin = user('erin');
	users.claim(erin, link());
	users.hold(delivery('3', erin));
	users.holdFirst(erin, [delivery('1', erin), delivery('2', erin)]);
	const held = users.takeHeld(erin);
	assert.ok(Array.isArray(held));
	assert.deepEqual(
		held.map((each) => each.id),
		['1', '2', '3'],
	);
});

test('a release gives back what was still held, for the relay to fail', () => {
	const {users} = setup();
	const finn = user('finn');
	users.claim(finn, link());
	users.detach(finn);
	users.hold(delivery('1', finn));
	users.hold(delivery('2', finn));
	const released = users.release(finn);
	assert.ok(Array.isArray(released));
	assert.deepEqual(
		released.map((each) => each.id),
		['1', '2'],
	);
	assert.deepEqual(users.takeHeld(finn), []);
});

test('an announcement is in the host news when announce returns, and its readers send it', () => {
	const sent: string[] = [];
	let from = 0;
	const reader: NewsReader = {
		sendNews() {
			sent.push(news.textFor(from));
			from = news.end;
			return from;
		},
	};
	const news = new PresenceNews(
		() => [reader],
		() => [],
	);
	const users = new MemoryUserState(news, MAX_HELD);
	from = news.end;
	const gwen = user('gwen');
	users.announce('JOIN', gwen);
	assert.equal(news.textFor(from), 'JOIN gwen');
	users.announce('AWAY', gwen);
	news.flushNow();
	assert.deepEqual(sent, ['JOIN gwen\nAWAY gwen']);
});

test('whenReady calls on at once for a plain value, and after the promise for a promise', async () => {
	const seen: string[] = [];
	whenReady('now', (value) => seen.push(value));
	assert.deepEqual(seen, ['now']);
	let answer: (value: string) => void = () => {};
	whenReady(
		new Promise<string>((resolve) => {
			answer = resolve;
		}),
		(value) => seen.push(value),
	);
	assert.deepEqual(seen, ['now'], 'not before the promise settles');
	answer('later');
	await Promise.resolve();
	assert.deepEqual(seen, ['now', 'later']);
});
