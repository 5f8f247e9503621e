// What a host keeps of what came from another host of the cluster keeps no more alive than
// itself (relay/flat-string.ts): a message's line, id and names, and a user's record, are cut from
// the whole payload they came in, and a structured recipient's replay (the last
// MAX_REPLAY_MESSAGES lines) or the roster would otherwise keep every one of those payloads alive.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {ClusterRouting} from '../source/host/cluster/cluster-routing.js';
import {ReadTurns} from '../source/host/relay/read-turns.js';
import {PUBLISH_BATCH_CHARS} from '../source/host/cluster/cluster-limits.js';
import {decodePresenceFrame, encodePresenceFrame} from '../source/host/cluster/cluster-frames.js';
import {encodeHostFrame} from '../source/host/cluster/host-frames.js';
import type {RedisLink} from '../source/host/cluster/redis-link.js';
import {MAX_REPLAY_MESSAGES} from '../source/protocol/limits.js';
import {MemoryUserState} from '../source/host/relay/memory-user-state.js';
import {PresenceNews} from '../source/host/relay/presence-news.js';
import {Relay} from '../source/host/relay/relay.js';
import {User, type UserLink} from '../source/host/relay/user.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

test("a structured recipient's replay of messages from another host keeps the lines, not their payloads", async () => {
	const link = {up: true, publisher: {publish: async () => 1}} as unknown as RedisLink;
	const bob = new User('bob', 'bob', 'structured');
	// Carol takes the same flood first, so that what compiling the code and warming the relay
	// allocate is on the heap before it is measured for bob.
	const carol = new User('carol', 'carol', 'structured');
	const recipients = new Map([
		['bob', bob],
		['carol', carol],
	]);
	const routing = new ClusterRouting(
		'hB',
		link,
		{
			byKey: (key) => recipients.get(key),
			isLocal: (user) => user === bob || user === carol,
		},
		new ReadTurns(),
	);
	const relay = new Relay(
		new MemoryUserState(
			new PresenceNews(
				() => [],
				() => [],
			),
			10,
		),
	);
	routing.bind(relay);
	const userLink: UserLink = {
		send() {},
		sendDelivery(delivery) {
			relay.handedOver(delivery);
		},
		close() {},
		catchUpNews() {},
		skipNews() {},
		holdLinesUntil() {},
	};
	bob.link = userLink;
	carol.link = userLink;
	// Payloads as a flood makes them: one message for the recipient among the frames for others.
	const padding = encodeHostFrame({
		kind: 'l',
		toKey: 'nobody',
		line: 'x'.repeat(PUBLISH_BATCH_CHARS),
	});
	const payloads = MAX_REPLAY_MESSAGES * 2;
	const flood = (toKey: string) => {
		for (let index = 0; index < payloads; index++) {
			const message = encodeHostFrame({
				kind: 'm',
				seq: index,
				id: String(1_000_000_000_000_000 + index),
				time: 1,
				ref: undefined,
				fromKey: 'alice',
				fromName: 'alice',
				toKey,
				origin: 'hA',
				line: `MSG ${index} 1 alice ${toKey} :hello number ${index}`,
				plainText: false,
			});
			routing.receive([message, padding, String(index)].join('\n'));
		}
	};

	flood('carol');
	await new Promise((resolve) => setImmediate(resolve));
	collect();
	const before = process.memoryUsage().heapUsed;
	flood('bob');
	await new Promise((resolve) => setImmediate(resolve));
	collect();
	const grown = process.memoryUsage().heapUsed - before;
	routing.stop();
	assert.equal(bob.replay.toArray().length, MAX_REPLAY_MESSAGES);
	// Each payload is PUBLISH_BATCH_CHARS and more, so the payloads of the lines kept would be
	// 100 of those; the lines themselves are a few kilobytes in all.
	assert.ok(
		grown < PUBLISH_BATCH_CHARS * 8,
		`the heap grew ${grown} bytes for ${MAX_REPLAY_MESSAGES} lines kept`,
	);
});

test('a user of another host, as every host keeps it, keeps its fields, not the presence payload they came in', () => {
	const padding = 'x'.repeat(PUBLISH_BATCH_CHARS);
	const kept: unknown[] = [];
	collect();
	const before = process.memoryUsage().heapUsed;
	for (let index = 0; index < MAX_REPLAY_MESSAGES; index++) {
		const key = `someone.with.a.long.name.${index}`;
		const record = {key, host: 'h-host-a-0001', face: 'structured' as const, away: false};
		const frame = encodePresenceFrame({
			kind: 'user',
			verb: 'J',
			user: {
				...record,
				token: `token-${index}-${'t'.repeat(24)}`,
				fingerprint: `SHA256:${'f'.repeat(43)}`,
				name: key,
			},
		});
		const [first] = [frame, padding, String(index)].join('\n').split('\n');
		kept.push(decodePresenceFrame(first ?? ''));
	}

	collect();
	const grown = process.memoryUsage().heapUsed - before;
	assert.equal(kept.length, MAX_REPLAY_MESSAGES);
	assert.ok(
		grown < PUBLISH_BATCH_CHARS * 4,
		`the heap grew ${grown} bytes for ${kept.length} users kept`,
	);
});
