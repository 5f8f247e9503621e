// A message for a plain user on another host of the cluster goes there as its text, and that
// host makes the plain face's line of it (source/host/relay/relay.ts, cluster-routing.ts): the
// sending host makes no line, and the payload carries no ctime.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ClusterRouting} from '../source/host/cluster/cluster-routing.js';
import {ReadTurns} from '../source/host/relay/read-turns.js';
import {encodeHostFrame, type MessageFrame} from '../source/host/cluster/host-frames.js';
import type {RedisLink} from '../source/host/cluster/redis-link.js';
import {formatCtime} from '../source/protocol/ctime.js';
import {MemoryUserState} from '../source/host/relay/memory-user-state.js';
import {PresenceNews} from '../source/host/relay/presence-news.js';
import {Relay} from '../source/host/relay/relay.js';
import {User, type Delivery, type UserLink} from '../source/host/relay/user.js';

const TIME = 1_796_137_223_411;

/** A link that keeps what it is handed; `makesPlainLines` as a remote user's link says. */
function keepingLink(
	relay: Relay | undefined,
	makesPlainLines: boolean,
): UserLink & {handed: Delivery[]} {
	const handed: Delivery[] = [];
	return {
		handed,
		makesPlainLines,
		send() {},
		sendDelivery(delivery) {
			handed.push(delivery);
			relay?.handedOver(delivery);
		},
		close() {},
		catchUpNews() {},
		skipNews() {},
		holdLinesUntil() {},
	};
}

const newRelay = () =>
	new Relay(
		new MemoryUserState(
			new PresenceNews(
				() => [],
				() => [],
			),
			10,
		),
		{now: () => TIME},
	);

test('the host of a plain recipient on another host hands its link the text, and no line', () => {
	const relay = newRelay();
	const alice = new User('alice', 'alice', 'plain');
	const bob = new User('bob', 'bob', 'plain');
	const remote = keepingLink(undefined, true);
	bob.link = remote;
	relay.deliver(alice, bob, 'hello there', undefined);
	relay.deliver(alice, bob, 'waves', undefined, {action: true});
	const carol = new User('carol', 'carol', 'plain');
	const local = keepingLink(undefined, false);
	carol.link = local;
	relay.deliver(alice, carol, 'hello there', undefined);
	assert.deepEqual(
		remote.handed.map(({line, plainText}) => [line, plainText]),
		[
			['hello there', true],
			// An action is rare: its line is made here, as for a user of this host.
			[`[${formatCtime(TIME)}] * alice waves`, undefined],
		],
	);
	assert.equal(local.handed[0]?.line, `[${formatCtime(TIME)}] alice: hello there`);
});

test("the plain recipient's host makes the line of the text, with the message's time; a structured user of the name gets no such line", async () => {
	const published: string[] = [];
	const link = {
		up: true,
		publisher: {
			async publish(_channel: string, payload: string) {
				published.push(payload);
				return 1;
			},
		},
	} as unknown as RedisLink;
	const bob = new User('bob', 'bob', 'plain');
	const dave = new User('dave', 'dave', 'structured');
	const routing = new ClusterRouting(
		'hB',
		link,
		{
			byKey: (key) => (key === 'bob' ? bob : key === 'dave' ? dave : undefined),
			isLocal: (user) => user === bob || user === dave,
		},
		new ReadTurns(),
	);
	const relay = newRelay();
	routing.bind(relay);
	const bobLink = keepingLink(relay, false);
	bob.link = bobLink;
	const daveLink = keepingLink(relay, false);
	dave.link = daveLink;
	const frame: MessageFrame = {
		kind: 'm',
		seq: 4,
		id: '1796137223285000',
		time: TIME,
		ref: undefined,
		fromKey: 'alice',
		fromName: 'Alice',
		toKey: 'bob',
		origin: 'hA',
		line: 'hi bob 👋',
		plainText: true,
	};
	routing.receive(
		[encodeHostFrame(frame), encodeHostFrame({...frame, seq: 9, toKey: 'dave'})].join('\n'),
	);
	assert.deepEqual(
		bobLink.handed.map(({line}) => line),
		[`[${formatCtime(TIME)}] Alice: hi bob 👋`],
	);
	assert.equal(bob.partnerName, 'Alice', 'the following rule holds there');
	assert.equal(daveLink.handed.length, 0);
	await new Promise((resolve) => setImmediate(resolve));
	assert.match(
		published.join('\n'),
		/^a\t9\t\d+\tf\tuser-left\t/m,
		'it fails, for the user it was for left',
	);
	routing.stop();
});
