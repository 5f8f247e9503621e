// Starts a real redis-server for cluster tests: on a free port, in a fresh temporary folder, with
// the append-only file on (docs/cluster.md "Redis settings"), killed at the end. Where it is not
// installed a test file skips with one line, except under CI=true, where that is a failure.
//
//   const redis = await startRedis();
//   … startHost({port: 0, redis: redis.url}) …
//   await redis.stop();

import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const READY_DEADLINE_MS = 10_000;

export type RedisServer = {
	readonly port: number;
	readonly url: string;
	/** Stops it (SIGTERM, so the append-only file is whole) and waits for it to exit. */
	shutDown(): Promise<void>;
	/** Starts it again on the same port and folder, reading back what it persisted. */
	restart(): Promise<void>;
	/** Stops it for good and removes its folder. */
	stop(): Promise<void>;
};

/** Why the cluster tests cannot run here, or undefined when they can. */
export function redisMissing(): string | undefined {
	const found = spawnSync('redis-server', ['--version'], {stdio: 'ignore'});
	if (found.error === undefined && found.status === 0) return undefined;
	const why =
		'redis-server is not installed (apt-get install redis-server); the cluster tests skip';
	// CI installs it (.ci/run): there a missing one is a failure, not a skip.
	if (process.env['CI'] === 'true') throw new Error(`${why}, which CI does not allow`);
	return why;
}

export async function startRedis(): Promise<RedisServer> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'chat-redis-'));
	const port = await freePort();
	let child: ChildProcess | undefined = await launch(port, dir);
	const shutDown = async (): Promise<void> => {
		const running = child;
		child = undefined;
		if (running === undefined || running.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
		running.kill('SIGTERM');
		await exited;
	};

	return {
		port,
		url: `redis://127.0.0.1:${port}`,
		shutDown,
		async restart() {
			await shutDown();
			child = await launch(port, dir);
		},
		async stop() {
			await shutDown();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'yes',
			'--appendfsync',
			'always',
		],
		{stdio: ['ignore', 'pipe', 'inherit']},
	);
	const {stdout} = child;
	if (stdout === null) throw new Error('redis-server has no stdout');
	stdout.setEncoding('utf8');
	await new Promise<void>((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => {
			reject(
				new Error(`redis-server did not start within ${READY_DEADLINE_MS} ms: ${seen.slice(-300)}`),
			);
		}, READY_DEADLINE_MS);
		stdout.on('data', (chunk: string) => {
			seen += chunk;
			if (seen.includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`redis-server exited with ${code}: ${seen.slice(-300)}`));
		});
	});
	stdout.resume();
	return child;
}

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
