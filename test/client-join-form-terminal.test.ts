// `chat join` with no arguments: in a real pseudo-terminal it shows the first-run form, filled in
// from the last answers, joins with what was typed and remembers it; with no terminal it is the
// usage error it always was.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import pty from 'node-pty';
import {loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {chatArgs, ownConfigEnv, projectRoot} from './helpers/built-cli.js';
import {waitUntil} from './helpers/render-chat.js';
import {storeDir} from './helpers/store-dir.js';

const DEADLINE_MS = 20_000;

test('chat join with no arguments at a terminal asks, joins, and remembers the answers', async (t) => {
	const host = await startTestHost();
	const bob = await loginStructured(host.port, 'bob');
	const configHome = storeDir();
	const remembered = path.join(configHome, 'chat', 'last-join.json');
	fs.mkdirSync(path.dirname(remembered), {recursive: true});
	fs.writeFileSync(remembered, JSON.stringify({name: 'ali', host: `127.0.0.1:${host.port}`}));
	const terminal = pty.spawn(process.execPath, chatArgs('join'), {
		cwd: projectRoot,
		cols: 80,
		rows: 24,
		env: ownConfigEnv({CHAT_PASSWORD: '', XDG_CONFIG_HOME: configHome}),
	});
	let output = '';
	terminal.onData((data) => {
		output += data;
	});
	const exited = new Promise<number>((resolve) => {
		terminal.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	t.after(async () => {
		terminal.kill();
		bob.destroy();
		await host.stop();
	});
	const shows = async (text: string) => {
		await waitUntil(
			() => output.includes(text),
			`'${text}' on the terminal: ${JSON.stringify(output)}`,
			DEADLINE_MS,
		);
	};

	await shows('Join a chat host');
	await shows(`127.0.0.1:${host.port}`);
	// In one read, as a fast typist's keys come: the field takes them as one edit.
	terminal.write('ce');
	await shows('alice');
	terminal.write('\r');
	await shows('› Host');
	terminal.write('\r');
	await bob.waitForLine(/^JOIN alice$/, DEADLINE_MS);
	assert.deepEqual(JSON.parse(fs.readFileSync(remembered, 'utf8')), {
		name: 'alice',
		host: `127.0.0.1:${host.port}`,
	});
	assert.equal(fs.statSync(remembered).mode & 0o777, 0o600);

	terminal.kill('SIGTERM');
	assert.equal(await exited, 143);
	assert.equal(await bob.waitForLine(/^(LEAVE|AWAY) alice$/), 'LEAVE alice');
});

test('chat join with no arguments and no terminal is the usage error, as before', () => {
	const result = spawnSync(process.execPath, chatArgs('join'), {
		encoding: 'utf8',
		input: '',
		timeout: DEADLINE_MS,
	});
	assert.equal(result.status, 2);
	const [first, ...rest] = result.stderr.split('\n');
	assert.equal(first, 'chat: chat join needs NAME@HOST, for example alice@localhost');
	assert.match(rest.join('\n'), /Usage/);
});
