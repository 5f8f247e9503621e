// `chat join` in a real pseudo-terminal against a host with a password and no CHAT_PASSWORD:
// it asks as ssh does, with echo off, and never shows or keeps what was typed.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import {applyKeys} from '../source/join/password-prompt.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DEADLINE_MS = 20_000;
const PASSWORD = 'open-sesame';
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';

function joinInTerminal(port: number, env: NodeJS.ProcessEnv = {CHAT_PASSWORD: ''}) {
	const terminal = pty.spawn(process.execPath, chatArgs('join', `alice@127.0.0.1:${port}`), {
		cwd: root,
		cols: 80,
		rows: 24,
		env: ownConfigEnv(env),
	});
	let output = '';
	const waiters = new Set<() => void>();
	terminal.onData((data) => {
		output += data;
		for (const check of waiters) check();
	});
	const deadline = setTimeout(() => {
		terminal.kill();
	}, DEADLINE_MS);
	const exited = new Promise<number>((resolve) => {
		terminal.onExit(({exitCode}) => {
			clearTimeout(deadline);
			resolve(exitCode);
		});
	});
	return {
		terminal,
		exited,
		output: () => output,
		/** Resolves once the terminal has shown `pattern` `count` times in all. */
		async waitFor(pattern: RegExp, count = 1) {
			const global = new RegExp(pattern.source, 'g');
			return new Promise<void>((resolve, reject) => {
				const check = () => {
					if ((output.match(global)?.length ?? 0) >= count) {
						waiters.delete(check);
						resolve();
					}
				};

				waiters.add(check);
				void exited.then(() => {
					check();
					reject(new Error(`exited before ${String(pattern)}: ${JSON.stringify(output)}`));
				});
				check();
			});
		},
	};
}

/** A host with PASSWORD and `chat join` in a terminal against it, both ended with the test. */
async function passwordHostAndJoin(t: TestContext, env?: NodeJS.ProcessEnv) {
	const host = await startTestHost({password: PASSWORD});
	const join = joinInTerminal(host.port, env);
	t.after(async () => {
		join.terminal.kill();
		await host.stop();
	});
	return {host, join};
}

test('keys at the prompt: Enter ends it, Backspace and Ctrl+U edit, Ctrl+C aborts', () => {
	assert.deepEqual(applyKeys([], 'ab\u007Fc\r').answer, {password: 'ac'});
	assert.deepEqual(applyKeys([], 'x\u0015pé🙂\u007F\r').answer, {password: 'pé'});
	assert.deepEqual(applyKeys(['a'], '\u0003').answer, {abort: 'SIGINT'});
	assert.deepEqual(applyKeys([], '\u0004').answer, {abort: 'SIGINT'});
	assert.deepEqual(applyKeys(['a'], '\u001B[A'), {typed: ['a']});
	assert.deepEqual(applyKeys([], 'a\tb').typed, ['a', 'b']);
});

test('asked at the terminal, the password logs in and is never shown', async (t) => {
	const host = await startTestHost({password: PASSWORD});
	const bob = await loginStructured(host.port, 'bob', ` password=${PASSWORD}`);
	const join = joinInTerminal(host.port);
	t.after(async () => {
		join.terminal.kill();
		bob.destroy();
		await host.stop();
	});
	await join.waitFor(new RegExp(`Password for 127\\.0\\.0\\.1:${host.port}: `));
	join.terminal.write('open-sesx\u007Fame\r');
	await bob.waitForLine(/^JOIN alice$/, DEADLINE_MS);
	// The chat screen is up once it lists bob; then it reads keys the prompt gave back.
	await join.waitFor(/bob/);
	join.terminal.write('\u0003');
	assert.equal(await join.exited, 0);
	assert.equal(await bob.waitForLine(/^(LEAVE|AWAY) alice$/), 'LEAVE alice');
	assert.doesNotMatch(join.output(), /sesx|sesame|open-/);
	assert.ok(!host.log.some((line) => line.includes('sesame')), host.log.join('\n'));
});

test('three wrong answers give up in one line; the answers are never shown', async (t) => {
	const {host, join} = await passwordHostAndJoin(t);
	for (const [index, answer] of ['first-guess', 'second-guess', 'third-guess'].entries()) {
		await join.waitFor(/Password for [^:]+:\d+: /, index + 1);
		join.terminal.write(`${answer}\r`);
	}

	assert.equal(await join.exited, 1);
	const output = join.output();
	assert.doesNotMatch(output, /guess/);
	assert.ok(!output.includes(ENTER_ALTERNATE_SCREEN), 'the chat screen never opened');
	assert.equal(output.match(/Wrong password, try again\./g)?.length, 2);
	assert.match(
		output,
		new RegExp(
			`\\nchat: wrong password for 127\\.0\\.0\\.1:${host.port}, 3 times: giving up\\r?\\n$`,
		),
	);
	assert.doesNotMatch(output, /\n\s+at /);
});

test('Ctrl+C at the prompt ends chat join with the usual 130', async (t) => {
	const {join} = await passwordHostAndJoin(t);
	await join.waitFor(/Password for /);
	join.terminal.write('half\u0003');
	assert.equal(await join.exited, 130);
	assert.doesNotMatch(join.output(), /half|\n\s+at /);
	assert.ok(!join.output().includes(ENTER_ALTERNATE_SCREEN));
});

test('SIGTERM at the prompt gives the terminal back and ends with 143', async (t) => {
	const {join} = await passwordHostAndJoin(t);
	await join.waitFor(/Password for /);
	join.terminal.kill('SIGTERM');
	assert.equal(await join.exited, 143);
	assert.doesNotMatch(join.output(), /\n\s+at /);
});

test('with CHAT_PASSWORD set there is no prompt: a wrong one ends in one sentence', async (t) => {
	const {host, join} = await passwordHostAndJoin(t, {CHAT_PASSWORD: 'not-it'});
	assert.equal(await join.exited, 1);
	assert.doesNotMatch(join.output(), /Password for/);
	assert.match(join.output(), new RegExp(`wrong password for 127\\.0\\.0\\.1:${host.port}`));
});
