// The pure parts of a cluster (docs/cluster.md "Channels", "Limits"): frames between hosts and the
// records in Redis read back as written, even with tabs in a line; and the reconnect waits.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	decodeHeld,
	decodePresenceFrame,
	encodeHeld,
	encodePresenceFrame,
} from '../source/host/cluster/cluster-frames.js';
import {
	decodeHostFrames,
	encodeHostFrame,
	type HostFrame,
} from '../source/host/cluster/host-frames.js';
import {
	REDIS_RECONNECT_INITIAL_MS,
	REDIS_RECONNECT_JITTER_RATIO,
	REDIS_RECONNECT_MAX_MS,
} from '../source/host/cluster/cluster-limits.js';
import {reconnectDelayMs} from '../source/host/cluster/reconnect-delay.js';
import {readRedisUrl} from '../source/host/cluster/redis-url.js';

test('host frames, batched into one payload, read back as written', () => {
	const frames: HostFrame[] = [
		{
			kind: 'm',
			seq: 41,
			id: '1796137223285000',
			time: 1_796_137_223_411,
			ref: 'm1',
			fromKey: 'alice',
			fromName: 'Alice',
			toKey: 'bob',
			origin: 'hA',
			line: 'MSG 1 2 Alice bob m1 :a\ttab and : colons',
			plainText: false,
		},
		{
			kind: 'm',
			seq: undefined,
			id: '7',
			time: 8,
			ref: undefined,
			fromKey: 'c',
			fromName: 'c',
			toKey: 'd',
			origin: 'hB',
			line: 'hi',
			plainText: true,
		},
		{kind: 'a', seq: undefined, id: '7', outcome: 'f', code: 'user-left', reason: 'd left\tbefore'},
		{kind: 'a', seq: 3, id: '8', outcome: 'h', code: '', reason: ''},
		{kind: 'a', seq: undefined, id: '9', outcome: 's', code: '', reason: ''},
		{kind: 'd', seqs: [0, 1, 2, 5, 7, 8, 1_073_741_823]},
		{kind: 'd', seqs: [12]},
		{kind: 't', toKey: 'bob'},
		{kind: 'p', toKey: 'bob', partner: 'Alice'},
		{kind: 'l', toKey: 'bob', line: 'FAILED x y :z'},
	];
	const payload = frames.map((frame) => encodeHostFrame(frame)).join('\n');
	assert.deepEqual(decodeHostFrames(payload), frames);
	assert.deepEqual(decodeHostFrames('z\tfrom a newer host\nm\ttoo\tshort\na\t1\t2'), []);
	assert.equal(encodeHostFrame({kind: 'd', seqs: [4, 5, 6, 9, 11, 12]}), 'd\t4-6,9,11-12');
	assert.deepEqual(decodeHostFrames('d\t3-5,x,9'), [{kind: 'd', seqs: [3, 4, 5, 9]}]);
});

test('presence frames and held entries read back as written', () => {
	const user = {
		key: 'alice',
		host: 'hA',
		face: 'structured',
		away: true,
		token: 'tok',
		fingerprint: 'SHA256:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
		name: 'Alice',
	} as const;
	const keyless = {...user, key: 'bob', fingerprint: undefined, name: 'Bob'};
	for (const verb of ['J', 'L', 'A', 'B', 'M'] as const) {
		for (const each of [user, keyless]) {
			assert.deepEqual(decodePresenceFrame(encodePresenceFrame({kind: 'user', verb, user: each})), {
				kind: 'user',
				verb,
				user: each,
			});
		}
	}

	assert.deepEqual(decodePresenceFrame(encodePresenceFrame({kind: 'gone', host: 'hA'})), {
		kind: 'gone',
		host: 'hA',
	});
	assert.equal(decodePresenceFrame('X\thA\talice\tstructured\t0\tt\tAlice'), undefined);
	const entry = {
		id: '5',
		time: 6,
		ref: undefined,
		fromKey: 'a',
		fromName: 'A',
		origin: 'hA',
		line: 'x\ty',
	};
	assert.deepEqual(decodeHeld(encodeHeld(entry)), entry);
});

test('reconnect waits double from the first to the cap, less at most the jitter share', () => {
	assert.equal(reconnectDelayMs(0, 0), REDIS_RECONNECT_INITIAL_MS);
	assert.equal(reconnectDelayMs(1, 0), REDIS_RECONNECT_INITIAL_MS * 2);
	assert.equal(reconnectDelayMs(1000, 0), REDIS_RECONNECT_MAX_MS);
	const least = REDIS_RECONNECT_MAX_MS * (1 - REDIS_RECONNECT_JITTER_RATIO);
	assert.ok(reconnectDelayMs(1000, 0.999) >= least);
	assert.ok(reconnectDelayMs(1000, 0.999) < REDIS_RECONNECT_MAX_MS);
});

test('a Redis URL is redis:// or rediss://, with a host and a database 0 to 15', () => {
	assert.deepEqual(readRedisUrl('redis://127.0.0.1:6379/3'), {
		ok: true,
		url: 'redis://127.0.0.1:6379/3',
	});
	assert.equal(readRedisUrl('rediss://cache.example.org').ok, true);
	for (const bad of ['', 'localhost', 'http://a', 'redis://a/16', 'redis://a/x']) {
		assert.equal(readRedisUrl(bad).ok, false, bad);
	}
});
