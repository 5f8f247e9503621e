// `chat join` as a process with piped stdin/stdout (line mode) against a real host.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import {startHostWithUsers, startTestHost} from './helpers/start-host.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {closedPort} from './helpers/closed-port.js';
import {EXIT_NOT_DELIVERED} from '../source/exit-codes.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CTIME = String.raw`\w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}`;
const DEADLINE_MS = 15_000;

function runJoinProcess(args: string[], password = '') {
	const child = spawn(process.execPath, chatArgs('join', ...args), {
		cwd: root,
		stdio: ['pipe', 'pipe', 'pipe'],
		env: ownConfigEnv({CHAT_PASSWORD: password}),
	});
	let stdout = '';
	let stderr = '';
	const watchers = new Set<() => void>();
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		stdout += chunk;
		for (const watcher of [...watchers]) watcher();
	});
	child.stderr.on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exited = new Promise<number | null>((resolve) => {
		child.on('close', (code) => {
			resolve(code);
		});
	});
	const deadline = setTimeout(() => child.kill(), DEADLINE_MS);
	void exited.then(() => {
		clearTimeout(deadline);
	});
	return {
		child,
		exited,
		get stdout() {
			return stdout;
		},
		get stderr() {
			return stderr;
		},
		/** Waits until stdout has a line matching `pattern`. */
		async stdoutLine(pattern: RegExp): Promise<string> {
			return new Promise((resolve, reject) => {
				const check = () => {
					const line = stdout.split('\n').find((each) => pattern.test(each));
					if (line === undefined) return;
					watchers.delete(check);
					clearTimeout(timer);
					resolve(line);
				};

				const timer = setTimeout(() => {
					watchers.delete(check);
					reject(
						new Error(
							`no stdout line matching ${String(pattern)}; stdout: ${stdout}; stderr: ${stderr}`,
						),
					);
				}, DEADLINE_MS);
				watchers.add(check);
				check();
			});
		},
	};
}

test('chat join with piped stdin chats with a netcat user and exits 3 at end of input after refused lines', async (t) => {
	const [host, nc] = await startHostWithUsers(t, loginPlain, ['nc']);
	const bob = runJoinProcess([`bob@127.0.0.1:${host.port}`]);
	t.after(() => bob.child.kill());
	bob.child.stdin.write('hello\n');
	await bob.stdoutLine(/^Please input the user who you want to chat with$/);
	bob.child.stdin.write('to:nobody\n');
	await bob.stdoutLine(/^the user nobody does not exist$/);
	bob.child.stdin.write('to:nc\nhi nc\n');
	assert.match(await nc.nextLine(), new RegExp(String.raw`^\[${CTIME}\] bob: hi nc$`));
	nc.send('hi bob');
	await bob.stdoutLine(new RegExp(String.raw`^\[${CTIME}\] nc: hi bob$`));

	bob.child.stdin.end();
	// `hello` (no partner yet) and `to:nobody` were refused.
	assert.equal(await bob.exited, EXIT_NOT_DELIVERED);
	assert.equal(bob.stderr, '');
});

test('chat join, piped: a failed to: leaves no partner, so later text is refused, not sent', async (t) => {
	const [host, nc] = await startHostWithUsers(t, loginPlain, ['nc']);
	const bob = runJoinProcess([`bob@127.0.0.1:${host.port}`]);
	t.after(() => bob.child.kill());
	bob.child.stdin.end('to:nc\nhi\nto:nosuch\nlost msg\n');
	assert.equal(await bob.exited, EXIT_NOT_DELIVERED);
	assert.deepEqual(bob.stdout.split('\n'), [
		'the user nosuch does not exist',
		'Please input the user who you want to chat with',
		'',
	]);
	assert.match(await nc.nextLine(), /\] bob: hi$/);
	nc.send('to:nc');
	// The host answers a line of nc's own after anything bob sent before it: nothing else came.
	assert.equal(await nc.nextLine(), 'you cannot chat with yourself');
	assert.equal(nc.lines.filter((line) => line.includes('bob:')).length, 1);

	const clean = runJoinProcess([`carol@127.0.0.1:${host.port}`]);
	t.after(() => clean.child.kill());
	clean.child.stdin.end('to:nc\nall fine\n');
	assert.equal(await clean.exited, 0);
	assert.match(await nc.waitForLine(/carol:/), /\] carol: all fine$/);
});

test('chat join follows the latest sender by default, and not with --no-follow', async (t) => {
	const [host, nc, carol] = await startHostWithUsers(t, loginPlain, ['nc', 'carol']);
	const following = runJoinProcess([`bob@127.0.0.1:${host.port}`]);
	const steady = runJoinProcess(['--no-follow', `dan@127.0.0.1:${host.port}`]);
	t.after(() => {
		following.child.kill();
		steady.child.kill();
	});
	// The prompt answers a text only after the login (lines wait for the roster): both are in.
	for (const run of [following, steady]) run.child.stdin.write('hello?\nto:nc\n');
	await following.stdoutLine(/^Please input the user/);
	await steady.stdoutLine(/^Please input the user/);
	carol.send('to:bob');
	carol.send('hi bob');
	await following.stdoutLine(/\] carol: hi bob$/);
	following.child.stdin.end('reply\n');
	assert.match(await carol.nextLine(), /\] bob: reply$/);

	carol.send('to:dan');
	carol.send('hi dan');
	await steady.stdoutLine(/\] carol: hi dan$/);
	steady.child.stdin.end('reply\n');
	assert.match(await nc.waitForLine(/dan:/), /\] dan: reply$/);
	// Each was refused its first line, typed before it had a partner.
	assert.equal(await following.exited, EXIT_NOT_DELIVERED);
	assert.equal(await steady.exited, EXIT_NOT_DELIVERED);
});

test('chat join takes the host password from CHAT_PASSWORD', async (t) => {
	const host = await startTestHost({password: 'open-sesame'});
	t.after(async () => {
		await host.stop();
	});
	const unusable = runJoinProcess([`bob@127.0.0.1:${host.port}`], 'has space');
	const right = runJoinProcess([`bob@127.0.0.1:${host.port}`], 'open-sesame');
	t.after(() => right.child.kill());
	assert.equal(await unusable.exited, 2);
	assert.match(unusable.stderr, /^chat: CHAT_PASSWORD cannot be used: .*without spaces\n$/);

	right.child.stdin.write('hello?\n');
	await right.stdoutLine(/^Please input the user who you want to chat with$/);
	right.child.stdin.end();
	// Logged in (the prompt answers only after the login); its one line was refused.
	assert.equal(await right.exited, EXIT_NOT_DELIVERED);
});

test('chat join with a bad address says why in one line and exits non-zero', async () => {
	const run = runJoinProcess(['alice@host:99999']);
	run.child.stdin.end();
	const code = await run.exited;
	assert.notEqual(code, 0);
	assert.equal(run.stdout, '');
	assert.match(
		run.stderr,
		/^chat: bad address 'alice@host:99999': the port must be a number from 1 to 65535, not '99999'\n$/,
	);
});

test('chat join to a closed port says connection refused and exits 1', async () => {
	const port = await closedPort();
	const run = runJoinProcess([`alice@127.0.0.1:${port}`]);
	const code = await run.exited;
	assert.equal(code, 1);
	assert.equal(run.stderr, `chat: could not connect to 127.0.0.1:${port}: connection refused\n`);
});

for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
	test(`${signal} in line mode logs out, so the name is free at once, and exits 0`, async (t) => {
		const [host, bob] = await startHostWithUsers(t, loginStructured, ['bob']);
		const join = runJoinProcess([`alice@127.0.0.1:${host.port}`]);
		t.after(() => {
			join.child.kill('SIGKILL');
		});
		await bob.waitForLine(/^JOIN alice$/, DEADLINE_MS);
		join.child.kill(signal);
		// A dropped structured session would be AWAY and keep its name for the grace period.
		assert.equal(await bob.waitForLine(/^(LEAVE|AWAY) alice$/, DEADLINE_MS), 'LEAVE alice');
		assert.equal(await join.exited, 0);
		assert.equal(join.stderr, '');
	});
}
