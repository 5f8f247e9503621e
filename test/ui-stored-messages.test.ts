// End to end in pseudo-terminals, read through a headless xterm: alice writes to bob, who owns
// his name and has gone offline; her screen says the message is stored until he returns. Bob
// comes back, sees it marked as having arrived while he was away, and alice's turns to ✓.
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {waitUntil} from './helpers/render-chat.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Starting `chat join` on a busy machine can take seconds. */
const STEP_DEADLINE_MS = 60_000;

function openTerminal(address: string, env: NodeJS.ProcessEnv) {
	const screen = new xterm.Terminal({cols: 100, rows: 24, allowProposedApi: true});
	const child = pty.spawn(process.execPath, chatArgs('join', address), {
		name: 'xterm-256color',
		cols: 100,
		rows: 24,
		cwd: root,
		env: {...env, CHAT_PASSWORD: ''},
	});
	child.onData((data) => screen.write(data));
	const exited = new Promise<number>((resolve) => {
		child.onExit(({exitCode}) => resolve(exitCode));
	});
	const text = () => {
		const buffer = screen.buffer.active;
		return Array.from({length: screen.rows}, (_, row) =>
			(buffer.getLine(row)?.translateToString(true) ?? '').trimEnd(),
		).join('\n');
	};
	return {
		type: (data: string) => child.write(data),
		shows: async (needle: string) =>
			waitUntil(() => text().includes(needle), `"${needle}" on:\n${text()}`, STEP_DEADLINE_MS),
		exited,
		kill: () => child.kill(),
	};
}

test('the sender sees stored until bob returns, and bob sees it arrived while he was away', async (t) => {
	// Nobody owns bob yet: his first login binds the name to the key in his config folder.
	const host = await startStoreHost(t, storeDir(t));
	const address = (name: string) => `${name}@127.0.0.1:${host.port}`;
	const aliceConfig = ownConfigEnv();
	const bobConfig = ownConfigEnv();
	const alice = openTerminal(address('alice'), aliceConfig);
	const bob = openTerminal(address('bob'), bobConfig);
	const terminals = [alice, bob];
	t.after(() => {
		for (const terminal of terminals) terminal.kill();
	});

	await alice.shows('   bob');
	alice.type('to:bob\r');
	await alice.shows('to bob>');
	bob.type('/quit\r');
	await bob.exited;

	alice.type('see you tomorrow\r');
	await alice.shows('see you tomorrow stored: delivered when bob returns');

	const bobAgain = openTerminal(address('bob'), bobConfig);
	terminals.push(bobAgain);
	await bobAgain.shows('alice: see you tomorrow · while you were away');
	await alice.shows('see you tomorrow ✓');
});
