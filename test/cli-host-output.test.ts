// The built `chat host` and its two streams: the join commands it prints on stdout all accept a
// connection, and a reader that closes stdout or stderr (`chat host | head -1`) never stops it.
import assert from 'node:assert/strict';
import {spawn, type ChildProcessByStdio} from 'node:child_process';
import tls from 'node:tls';
import type {Readable} from 'node:stream';
import {test, type TestContext} from 'node:test';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {closedPort} from './helpers/closed-port.js';
import {connectRaw, wrapSocket, type RawClient} from './helpers/raw-client.js';
import {makeTempDir} from './helpers/tls-fixtures.js';

const DEADLINE_MS = 10_000;
const BANNER_LAST_LINE = /^Stop it with Ctrl\+C\.$/m;

type Host = ChildProcessByStdio<null, Readable, Readable>;

/**
 * The built `chat host`, with a store and config of its own (never this machine's home, where a
 * name may already be bound to someone's key), stopped when the test ends, passed or not: a host
 * left running would keep the test file from ever ending.
 */
function spawnHost(
	t: TestContext,
	args: string[],
	env: NodeJS.ProcessEnv = {},
): {child: Host; exited: Promise<number | null>} {
	const child = spawn(process.execPath, chatArgs('host', ...args), {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: ownConfigEnv(env),
	});
	const exited = new Promise<number | null>((resolve) => {
		child.once('exit', (code) => {
			resolve(code);
		});
	});
	t.after(async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		await exited;
	});
	return {child, exited};
}

/** Connects as soon as the host listens: tried again on each refusal, up to the deadline. */
async function connectWhenListening(port: number): Promise<RawClient> {
	const deadline = Date.now() + DEADLINE_MS;
	for (;;) {
		try {
			return await connectRaw(port);
		} catch (error: unknown) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
		}
	}
}

test('every chat join command the host prints accepts a login', async (t) => {
	const {child} = spawnHost(t, ['--port', '0']);
	const banner = await readUntilMatch(child.stdout, BANNER_LAST_LINE);
	const commands = [...banner.matchAll(/chat join NAME@(\[[^\]]+\]|[^:\s]+):(\d+)/g)];
	assert.ok(commands.length > 0, banner);
	for (const [index, [, bracketed = '', port = '']] of commands.entries()) {
		const host = bracketed.replace(/^\[(.*)\]$/, '$1');
		const client = await connectRaw(Number(port), {host});
		client.send(`user${index}`);
		assert.equal(await client.nextLine(), 'Welcome!', `NAME@${bracketed}:${port}`);
		client.destroy();
	}
});

/** The first line of the stream, as `head -1` reads it. */
async function firstLine(stream: Readable): Promise<string> {
	const text = await readUntilMatch(stream, /\n/);
	return text.slice(0, text.indexOf('\n'));
}

async function readUntilMatch(stream: Readable, pattern: RegExp): Promise<string> {
	let text = '';
	stream.setEncoding('utf8');
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`no ${String(pattern)} in: ${text}`));
		}, DEADLINE_MS);
		const onData = (chunk: string) => {
			text += chunk;
			if (pattern.test(text)) {
				clearTimeout(timer);
				stream.off('data', onData);
				resolve(text);
			}
		};

		stream.on('data', onData);
	});
}

/** Two users chat through the host: it is serving. */
async function assertServing(port: number): Promise<void> {
	const alice = await connectWhenListening(port);
	alice.send('alice');
	assert.equal(await alice.nextLine(), 'Welcome!');
	const bob = await connectRaw(port);
	bob.send('bob');
	assert.equal(await bob.nextLine(), 'Welcome!');
	bob.send('to:alice');
	bob.send('still there?');
	assert.match(await alice.nextLine(), /\] bob: still there\?$/);
	alice.destroy();
	bob.destroy();
}

test('chat host | head -1: the host keeps serving, and its log goes on on stderr', async (t) => {
	const {child, exited} = spawnHost(t, ['--port', '0']);
	const line = await firstLine(child.stdout);
	const port = Number(/^chat host is listening on \[::\]:(\d+)$/.exec(line)?.[1]);
	assert.ok(port > 0, line);
	// What head does once it has its line: the rest of the banner meets a closed pipe.
	child.stdout.destroy();
	const log = readUntilMatch(child.stderr, /logout bob/);
	await assertServing(port);
	assert.doesNotMatch(await log, /EPIPE|\n\s+at /);
	child.kill('SIGTERM');
	assert.equal(await exited, 0);
});

test('a host whose stdout and stderr are closed before it starts serves and stops with 0', async (t) => {
	const port = await closedPort();
	const {child, exited} = spawnHost(t, ['--port', String(port), '--bind', '127.0.0.1']);
	// Closed before the host writes a byte: its banner and every log line meet a closed pipe.
	child.stdout.destroy();
	child.stderr.destroy();
	await assertServing(port);
	await assertServing(port);
	child.kill('SIGTERM');
	assert.equal(await exited, 0);
});

test('a closed stderr does not stop a --tls host that first says it made its certificate', async (t) => {
	const configHome = await makeTempDir(t);
	const port = await closedPort();
	const {child, exited} = spawnHost(t, ['--port', String(port), '--bind', '127.0.0.1', '--tls'], {
		XDG_CONFIG_HOME: configHome,
	});
	child.stdout.destroy();
	child.stderr.destroy();
	const deadline = Date.now() + DEADLINE_MS;
	let socket: tls.TLSSocket | undefined;
	while (socket === undefined) {
		try {
			socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
				const attempt = tls.connect({host: '127.0.0.1', port, rejectUnauthorized: false}, () => {
					resolve(attempt);
				});
				attempt.once('error', reject);
			});
		} catch (error: unknown) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
		}
	}

	const client = wrapSocket(socket);
	client.send('alice');
	assert.equal(await client.nextLine(), 'Welcome!');
	client.destroy();
	child.kill('SIGTERM');
	assert.equal(await exited, 0);
});
