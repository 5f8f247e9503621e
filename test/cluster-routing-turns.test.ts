// Once a payload for another host is sealed, the host handles no further line before the event
// loop turns (source/host/relay/read-turns.ts): node-redis writes a PUBLISH when the loop turns,
// so without the pause a flood's senders went through all they had sent before the other host
// got any of it; and the senders read later in that turn each put one line into the next payload,
// which made the receiving host write each of their recipients once a payload for a single line.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createClient} from 'redis';
import {ClusterRouting} from '../source/host/cluster/cluster-routing.js';
import {PUBLISH_BATCH_CHARS} from '../source/host/cluster/cluster-limits.js';
import {decodeHostFrames} from '../source/host/cluster/host-frames.js';
import type {RedisLink} from '../source/host/cluster/redis-link.js';
import {ReadTurns} from '../source/host/relay/read-turns.js';
import {User, type Delivery, type UserLink} from '../source/host/relay/user.js';
import {startCluster, untilUsers} from './helpers/cluster.js';
import {loginPlain} from './helpers/raw-client.js';
import {redisMissing} from './helpers/redis-server.js';

function sender(name: string): User {
	const user = new User(name, name, 'plain');
	const link: UserLink = {
		send() {},
		sendDelivery() {},
		close() {},
		catchUpNews() {},
		skipNews() {},
		holdLinesUntil() {},
	};
	user.link = link;
	return user;
}

test('a sealed payload stops the reading until the loop has turned, after its PUBLISH', async () => {
	const events: string[] = [];
	const link = {
		up: true,
		publisher: {
			async publish() {
				// As node-redis does: the command is written when the event loop turns.
				setImmediate(() => events.push('PUBLISH written'));
				return 1;
			},
		},
	} as unknown as RedisLink;
	const bob = new User('bob', 'bob', 'plain');
	const turns = new ReadTurns();
	const users = {byKey: () => undefined, isLocal: () => false};
	const routing = new ClusterRouting('hA', link, users, turns);
	const alice = sender('alice');
	const line = 'x'.repeat(100);
	let id = 0;
	const message = (): Delivery => ({
		id: String(++id),
		time: 1,
		sender: alice,
		ref: undefined,
		recipient: bob,
		line,
	});
	const perPayload = Math.ceil(PUBLISH_BATCH_CHARS / line.length);
	for (let index = 0; index < perPayload / 2; index++) routing.forward('hB', message());
	assert.equal(turns.waiting, undefined, 'reading goes on before a payload is full');
	for (let index = 0; index < perPayload && turns.waiting === undefined; index++) {
		routing.forward('hB', message());
	}

	// Set by the forward that sealed the payload, which narrowing cannot know.
	const waiting = turns.waiting as Promise<void> | undefined;
	assert.ok(waiting, 'a full payload stops the reading');
	await waiting.then(() => events.push('reading goes on'));
	assert.deepEqual(events, ['PUBLISH written', 'reading goes on']);
	routing.forward('hB', message());
	assert.equal(turns.waiting, undefined, 'in the next turn, a payload not full stops nothing');
	routing.stop();
});

const missing = redisMissing();

if (missing === undefined) {
	test('each sender of a flood fills payloads with runs of its lines, not one line a payload', async (t) => {
		const cluster = await startCluster(t, 2, {rate: 0});
		const pairs = 4;
		const linesEach = 4000;
		const receivers = await Promise.all(
			Array.from({length: pairs}, async (_, index) =>
				loginPlain(cluster.host(1).port, `r${index}`),
			),
		);
		const senders = await Promise.all(
			Array.from({length: pairs}, async (_, index) =>
				loginPlain(cluster.host(0).port, `s${index}`),
			),
		);
		await untilUsers(cluster.hosts, pairs * 2);
		// Every payload to host 1, as Redis hands it to host 1's own subscriber.
		const watcher = createClient({url: cluster.redis.url});
		// Redis stops when the cluster does: only a failure before the close below meets that.
		watcher.on('error', () => {});
		await watcher.connect();
		const perPayload: Array<Map<string, number>> = [];
		await watcher.pSubscribe('chat:to:*', (payload) => {
			const runs = new Map<string, number>();
			for (const frame of decodeHostFrames(payload)) {
				if (frame.kind === 'm') runs.set(frame.toKey, (runs.get(frame.toKey) ?? 0) + 1);
			}

			if (runs.size > 0) perPayload.push(runs);
		});
		for (const [index, client] of senders.entries()) client.send(`to:r${index}`);
		const text = 'y'.repeat(60);
		for (const client of senders) {
			client.sendRaw(Array.from({length: linesEach}, (_, index) => `${text} ${index}\n`).join(''));
		}

		const texts = (lines: string[]) => lines.filter((line) => line.includes(text)).length;
		await Promise.all(
			receivers.map(async (client) =>
				client.waitForLine(new RegExp(`: ${text} ${linesEach - 1}$`), 20_000),
			),
		);
		for (const client of receivers) assert.equal(texts(client.lines), linesEach);
		await watcher.close();
		const lone = perPayload.reduce(
			(sum, runs) => sum + [...runs.values()].filter((count) => count === 1).length,
			0,
		);
		// Before the change, every payload carried one line of each of the other senders.
		assert.ok(perPayload.length >= 8, `${perPayload.length} payloads`);
		assert.ok(lone < perPayload.length / 2, `${lone} lone lines in ${perPayload.length} payloads`);
	});
} else {
	test.skip(missing);
}
