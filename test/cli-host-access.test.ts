// `chat host --tls / --password` and `chat join --tls` as processes: a bad password is one line
// and exit 2; a self-signed host prints its fingerprint, and a joining client pins that one.

import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {makeTempDir} from './helpers/tls-fixtures.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {EXIT_NOT_DELIVERED} from '../source/exit-codes.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DEADLINE_MS = 20_000;

test('a password chat host cannot use is one line and exit 2', () => {
	for (const [args, env, line] of [
		[
			['--password', 'two words'],
			{},
			'chat host: --password cannot be used: the password may only hold printable characters, without spaces',
		],
		[
			[],
			{CHAT_PASSWORD: 'x'.repeat(129)},
			'chat host: CHAT_PASSWORD cannot be used: the password is longer than 128 characters',
		],
		[
			['--tls-key', 'key.pem'],
			{},
			'chat host: --tls-cert and --tls-key go together: give both files',
		],
	] as const) {
		const result = spawnSync(process.execPath, chatArgs('host', '--port', '0', ...args), {
			cwd: root,
			encoding: 'utf8',
			timeout: DEADLINE_MS,
			env: {...process.env, CHAT_PASSWORD: '', ...env},
		});
		assert.equal(result.status, 2, result.stderr);
		assert.equal(result.stderr, line + '\n');
	}
});

/** Starts `chat host`; resolves once it printed everything up to "Stop it with Ctrl+C". */
async function startChatHost(args: string[], env: NodeJS.ProcessEnv) {
	const child = spawn(
		process.execPath,
		chatArgs('host', '--port', '0', '--bind', '127.0.0.1', ...args),
		{
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			// A store of its own, not the one in this machine's home.
			env: ownConfigEnv(env),
		},
	);
	let stdout = '';
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exited = new Promise<number | null>((resolve) => {
		child.once('exit', resolve);
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`chat host did not start: ${stderr}`)),
			DEADLINE_MS,
		);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			if (stdout.includes('Stop it with Ctrl+C.')) {
				clearTimeout(timer);
				resolve();
			}
		});
		void exited.then(() => reject(new Error(`chat host exited: ${stderr}`)));
	});
	const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
	const fingerprint = /^ {2}((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m.exec(stdout)?.[1] ?? '';
	return {
		child,
		port,
		fingerprint,
		stdout,
		get stderr() {
			return stderr;
		},
		async stop() {
			child.kill('SIGTERM');
			return exited;
		},
	};
}

test('chat host --tls makes its certificate once; chat join --tls pins it', async (t) => {
	const hostConfig = await makeTempDir(t);
	const joinConfig = await makeTempDir(t);
	const env = {XDG_CONFIG_HOME: hostConfig, CHAT_PASSWORD: 'open-sesame'};
	const host = await startChatHost(['--tls'], env);
	t.after(async () => host.stop());
	assert.match(host.stderr, new RegExp(`made a self-signed TLS certificate in ${hostConfig}`));
	assert.ok(host.stdout.includes(`chat join NAME@127.0.0.1:${host.port} --tls`), host.stdout);
	assert.match(host.stdout, /Clients need the password/);
	assert.doesNotMatch(host.stdout + host.stderr, /open-sesame/);
	assert.notEqual(host.fingerprint, '');

	const join = spawn(process.execPath, chatArgs('join', '--tls', `bob@127.0.0.1:${host.port}`), {
		cwd: root,
		stdio: ['pipe', 'pipe', 'pipe'],
		env: ownConfigEnv({XDG_CONFIG_HOME: joinConfig, CHAT_PASSWORD: 'open-sesame'}),
	});
	let joinStderr = '';
	join.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		joinStderr += chunk;
	});
	const joinExited = new Promise<number | null>((resolve) => {
		join.once('exit', resolve);
	});
	const timer = setTimeout(() => join.kill(), DEADLINE_MS);
	join.stdin.end('to:nobody\n');
	// Logged in over TLS (the answer to to: comes only after the login); that one line was refused.
	assert.equal(await joinExited, EXIT_NOT_DELIVERED, joinStderr);
	clearTimeout(timer);
	const knownHosts = path.join(joinConfig, 'chat', 'known_hosts');
	assert.equal(
		joinStderr,
		`chat: trusted 127.0.0.1:${host.port} on first use: its certificate's SHA-256 fingerprint ` +
			`${host.fingerprint} is now pinned in ${knownHosts}\n`,
	);
	assert.equal(await readFile(knownHosts, 'utf8'), `127.0.0.1:${host.port} ${host.fingerprint}\n`);
	assert.match(host.stderr, /login bob \(structured\)/);

	// A restarted host keeps its certificate: the same fingerprint, nothing made.
	assert.equal(await host.stop(), 0);
	const again = await startChatHost(['--tls'], env);
	t.after(async () => again.stop());
	assert.equal(again.fingerprint, host.fingerprint);
	assert.doesNotMatch(again.stderr, /made a self-signed/);
});
