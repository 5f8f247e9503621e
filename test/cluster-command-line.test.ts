// `chat host --redis URL` (docs/cluster.md): a URL that is not one, or a Redis that is not there,
// is one sentence and an exit code, never a stack trace; the pure parts of the cluster's wire.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import process from 'node:process';
import {test, type TestContext} from 'node:test';
import {EXIT_FAILURE, EXIT_USAGE} from '../source/exit-codes.js';
import {clusterFromFlags} from '../source/cli/cluster-flags.js';
import {RedisLink} from '../source/host/cluster/redis-link.js';
import {RedisNameOwners} from '../source/host/cluster/redis-name-owners.js';
import {keyFingerprint, shortFingerprint} from '../source/protocol/key-fingerprint.js';
import {chatArgs, ownConfigEnv, startHostProcess} from './helpers/built-cli.js';
import {closedPort} from './helpers/closed-port.js';
import {redisMissing, startRedis, type RedisServer} from './helpers/redis-server.js';
import {waitUntil} from './helpers/render-chat.js';
import {storeDir} from './helpers/store-dir.js';

function chat(
	args: string[],
	env: NodeJS.ProcessEnv = {},
): {status: number | null; stdout: string; stderr: string} {
	const result = spawnSync(process.execPath, chatArgs(...args), {
		encoding: 'utf8',
		timeout: 20_000,
		// A store and config of its own: a host that starts makes its data folder before Redis.
		env: ownConfigEnv({CHAT_REDIS_URL: '', ...env}),
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** A redis-server of the test's own, stopped after it; undefined (the test skipped) without one. */
async function redisFor(t: TestContext): Promise<RedisServer | undefined> {
	const missing = redisMissing();
	if (missing !== undefined) {
		t.skip(missing);
		return undefined;
	}

	const redis = await startRedis();
	t.after(async () => redis.stop());
	return redis;
}

test('a --redis that is no Redis URL is one sentence and exit code 2', () => {
	for (const url of ['localhost:6379', 'http://localhost:6379', 'redis://localhost:6379/16']) {
		const {status, stderr} = chat(['host', '--redis', url, '--port', '0']);
		assert.equal(status, EXIT_USAGE, stderr);
		assert.match(stderr, /^chat host: .*--redis.*\n$/);
		assert.doesNotMatch(stderr, /\n {4}at /);
	}
});

test('CHAT_REDIS_URL is read when --redis is not given, and named when it is wrong', () => {
	const {status, stderr} = chat(['host', '--port', '0'], {CHAT_REDIS_URL: 'nope'});
	assert.equal(status, EXIT_USAGE);
	assert.match(stderr, /^chat host: CHAT_REDIS_URL: /);
	assert.deepEqual(clusterFromFlags({}, {CHAT_REDIS_URL: 'redis://10.0.0.7:6380/2'}), {
		ok: true,
		redis: 'redis://10.0.0.7:6380/2',
	});
	assert.deepEqual(clusterFromFlags({redis: 'redis://a:1'}, {CHAT_REDIS_URL: 'nope'}), {
		ok: true,
		redis: 'redis://a:1',
	});
});

test('a Redis that cannot be reached at start is one sentence and exit code 1', async () => {
	const port = await closedPort();
	const {status, stderr} = chat([
		'host',
		'--redis',
		`redis://:secret@127.0.0.1:${port}`,
		'--port',
		'0',
	]);
	assert.equal(status, EXIT_FAILURE, stderr);
	assert.match(
		stderr,
		new RegExp(
			`^chat host: cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/? .*\\n$`,
		),
	);
	assert.doesNotMatch(stderr, /secret/);
});

test('a host of a cluster says it keeps name owners and messages in Redis, not in its folder', async (t) => {
	const redis = await redisFor(t);
	if (redis === undefined) return;
	const dir = storeDir();
	const host = await startHostProcess('--redis', redis.url, '--data', dir);
	t.after(async () => host.stop());
	await waitUntil(
		() => host.stdout().includes('Stop it with Ctrl+C.'),
		`the banner in: ${host.stdout()}`,
	);
	const banner = host.stdout();
	const kept = `Name owners and messages for people offline are kept there; this host's identity in ${dir}\n`;
	assert.ok(banner.includes(kept), banner);
	assert.doesNotMatch(banner, /are kept in /);
	assert.equal(await host.stop(), 0);
});

test("chat names --redis lists and releases the cluster's names, the stored messages with them", async (t) => {
	const redis = await redisFor(t);
	if (redis === undefined) return;
	const link = new RedisLink(redis.url, () => {});
	await link.connect({back() {}, lost() {}});
	t.after(async () => link.close());
	const owners = new RedisNameOwners(link);
	const bobKey = Buffer.alloc(32, 9);
	await owners.bind({
		nameKey: 'bob',
		name: 'Bob',
		publicKey: bobKey,
		nowMs: Date.UTC(2026, 11, 1, 9, 5),
	});
	await link.commands.rPush('chat:stored:bob', 'an entry for Bob');
	await link.commands.set('chat:stored-bytes:bob', '16');

	const listed = chat(['names', '--redis', redis.url]);
	assert.equal(listed.status, 0, listed.stderr);
	assert.deepEqual(listed.stdout.trimEnd().split('\n'), [
		'NAME  LAST SEEN             KEY',
		`Bob   2026-12-01 09:05 UTC  ${shortFingerprint(keyFingerprint(bobKey))}`,
	]);

	const released = chat(['names', 'release', 'BOB'], {CHAT_REDIS_URL: redis.url});
	assert.equal(released.status, 0, released.stderr);
	assert.match(released.stdout, /^released Bob: anyone may log in with it now/);
	assert.equal(await owners.ownerOf('bob'), undefined);
	assert.deepEqual(await link.commands.keys('chat:stored*'), []);

	const again = chat(['names', 'release', 'bob', '--redis', redis.url]);
	assert.equal(again.status, 1);
	assert.equal(
		again.stderr,
		`chat names: nobody owns the name bob in the cluster on ${redis.url}\n`,
	);
	const empty = chat(['names', '--redis', redis.url]);
	assert.equal(empty.stdout, `no name is owned in the cluster on ${redis.url} yet\n`);
});

test('chat names with a Redis not there, or with both --data and --redis, is one sentence', async () => {
	const port = await closedPort();
	const away = chat(['names', '--redis', `redis://127.0.0.1:${port}`]);
	assert.equal(away.status, EXIT_FAILURE, away.stderr);
	assert.match(
		away.stderr,
		new RegExp(`^chat names: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}/? .*\\n$`),
	);
	const both = chat(['names', '--redis', `redis://127.0.0.1:${port}`, '--data', storeDir()]);
	assert.equal(both.status, EXIT_USAGE);
	assert.match(
		both.stderr,
		/^chat: chat names reads one host's --data or a cluster's --redis, not both\n/,
	);
	const wrong = chat(['names'], {CHAT_REDIS_URL: 'http://nope'});
	assert.equal(wrong.status, EXIT_USAGE);
	assert.match(
		wrong.stderr,
		/^chat names: CHAT_REDIS_URL: --redis needs a redis:\/\/ or rediss:\/\/ URL/,
	);
});
