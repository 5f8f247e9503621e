// `chat host --redis URL` (docs/cluster.md): a URL that is not one, or a Redis that is not there,
// is one sentence and an exit code, never a stack trace; the pure parts of the cluster's wire.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';
import {EXIT_FAILURE, EXIT_USAGE} from '../source/exit-codes.js';
import {clusterFromFlags} from '../source/cli/cluster-flags.js';
import {chatArgs, ownConfigEnv, startHostProcess} from './helpers/built-cli.js';
import {closedPort} from './helpers/closed-port.js';
import {redisMissing, startRedis} from './helpers/redis-server.js';
import {waitUntil} from './helpers/render-chat.js';
import {storeDir} from './helpers/store-dir.js';

function chat(
	args: string[],
	env: NodeJS.ProcessEnv = {},
): {status: number | null; stderr: string} {
	const result = spawnSync(process.execPath, chatArgs(...args), {
		encoding: 'utf8',
		timeout: 20_000,
		// A store and config of its own: a host that starts makes its data folder before Redis.
		env: ownConfigEnv({CHAT_REDIS_URL: '', ...env}),
	});
	return {status: result.status, stderr: result.stderr};
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
	const missing = redisMissing();
	if (missing !== undefined) {
		t.skip(missing);
		return;
	}

	const redis = await startRedis();
	t.after(async () => redis.stop());
	const dir = storeDir();
	const host = await startHostProcess('--redis', redis.url, '--data', dir);
	t.after(async () => host.stop());
	await waitUntil(
		() => host.stdout().includes('Stop it with Ctrl+C.'),
		`the banner in: ${host.stdout()}`,
	);
	const banner = host.stdout();
	assert.match(
		banner,
		new RegExp(
			`Name owners and messages for people offline are kept there; this host's identity in ${dir.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\n`,
		),
	);
	assert.doesNotMatch(banner, /are kept in /);
	assert.equal(await host.stop(), 0);
});
