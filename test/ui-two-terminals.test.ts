// End to end: the real `chat host` and two real `chat join` processes in pseudo-terminals, read through
// a headless xterm. Alice picks bob and writes; bob replies without typing to:; both quit and get
// their terminal back.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {waitUntil} from './helpers/render-chat.js';
import {chatArgs, ownConfigEnv, startHostProcess} from './helpers/built-cli.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Starting `chat join` on a busy machine can take seconds. */
const STEP_DEADLINE_MS = 60_000;

function openTerminal(address: string) {
	const screen = new xterm.Terminal({cols: 80, rows: 24, allowProposedApi: true});
	const process_ = pty.spawn(process.execPath, chatArgs('join', address), {
		name: 'xterm-256color',
		cols: 80,
		rows: 24,
		cwd: root,
		env: ownConfigEnv({CHAT_PASSWORD: ''}),
	});
	let output = '';
	process_.onData((data) => {
		output += data;
		screen.write(data);
	});
	const exited = new Promise<number>((resolve) => {
		process_.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	const text = () => {
		const buffer = screen.buffer.active;
		return Array.from({length: screen.rows}, (_, row) =>
			(buffer.getLine(row)?.translateToString(true) ?? '').trimEnd(),
		).join('\n');
	};
	return {
		type: (data: string) => process_.write(data),
		text,
		shows: async (needle: string) =>
			waitUntil(() => text().includes(needle), `"${needle}" on:\n${text()}`, STEP_DEADLINE_MS),
		exited,
		output: () => output,
		onMainScreen: () => screen.buffer.active.type === 'normal',
		kill: () => process_.kill(),
	};
}

test('two people chat in two terminals and both get their terminal back', async (t) => {
	const host = await startHostProcess();
	const alice = openTerminal(`alice@127.0.0.1:${host.port}`);
	const bob = openTerminal(`bob@127.0.0.1:${host.port}`);
	t.after(async () => {
		alice.kill();
		bob.kill();
		await host.stop();
	});

	await alice.shows('connected');
	await bob.shows('connected');
	// Listed without a number until alice opens a conversation with him.
	await alice.shows('   bob');
	alice.type('to:bob\r');
	await alice.shows('to bob>');
	await alice.shows('›1 bob');
	alice.type('hi bob, 你好 👍\r');
	await bob.shows('alice: hi bob, 你好 👍');
	await bob.shows('to alice>');
	await alice.shows('hi bob, 你好 👍 ✓');

	bob.type('hello alice\r');
	await alice.shows('bob: hello alice');
	await bob.shows('hello alice ✓');

	alice.type('/quit\r');
	bob.type('\u0003');
	assert.equal(await alice.exited, 0);
	assert.equal(await bob.exited, 0);
	for (const person of [alice, bob]) {
		assert.ok(person.onMainScreen(), 'back on the main screen');
		assert.ok(person.output().includes('\u001B[?1049l\u001B'), 'left the alternate screen');
		assert.ok(
			person.output().lastIndexOf('\u001B[?25h') > person.output().lastIndexOf('\u001B[?25l'),
		);
	}
});
