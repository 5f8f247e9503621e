// Bracketed paste in a real terminal: `chat join` in a pseudo-terminal read through a headless
// xterm. The screen turns bracketed paste on, a pasted `to:bob` and `quit` land in the input and
// run nothing, and the terminal gets bracketed paste off again on the way out.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {bracketedPasteOn} from '../source/ui/terminal-modes.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {loginStructured} from './helpers/raw-client.js';
import {waitUntil} from './helpers/render-chat.js';
import {startTestHost} from './helpers/start-host.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/** Starting `chat join` on a busy machine can take seconds. */
const STEP_DEADLINE_MS = 60_000;

test('a paste of before, to:bob, quit, after lands in the input; bracketed paste is off after exit', async (t) => {
	const host = await startTestHost();
	const bob = await loginStructured(host.port, 'bob');
	const screen = new xterm.Terminal({cols: 80, rows: 24, allowProposedApi: true});
	const terminal = pty.spawn(process.execPath, chatArgs('join', `alice@127.0.0.1:${host.port}`), {
		name: 'xterm-256color',
		cols: 80,
		rows: 24,
		cwd: root,
		env: ownConfigEnv({CHAT_PASSWORD: ''}),
	});
	let output = '';
	terminal.onData((data) => {
		output += data;
		screen.write(data);
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
	const text = () => {
		const buffer = screen.buffer.active;
		return Array.from({length: screen.rows}, (_, row) =>
			(buffer.getLine(row)?.translateToString(true) ?? '').trimEnd(),
		).join('\n');
	};
	const shows = async (needle: string) =>
		waitUntil(() => text().includes(needle), `"${needle}" on:\n${text()}`, STEP_DEADLINE_MS);

	await shows('connected');
	assert.ok(output.includes(bracketedPasteOn), 'bracketed paste turned on');
	terminal.write('to:bob\r');
	await shows('to bob>');
	// What a terminal sends for a paste of four lines: CR between them, inside the markers.
	terminal.write('\u001B[200~before\rto:bob\rquit\rafter\u001B[201~');
	await shows('after');
	assert.match(text(), /to bob> before\n {8}to:bob\n {8}quit\n {8}after/);
	assert.equal(
		bob.lines.filter((line) => line.startsWith('MSG ')).length,
		0,
		'nothing was sent on its own',
	);

	terminal.write('\r');
	const parts = [];
	for (let part = 0; part < 4; part++) parts.push(await bob.waitForLine(/^MSG /, STEP_DEADLINE_MS));
	assert.deepEqual(
		parts.map((line) => line.replace(/^MSG \S+ \S+ alice bob \S+ /, '')),
		['more=1 :before', 'more=1 :to:bob', 'more=1 :quit', ':after'],
	);
	await shows('✓');

	terminal.write('\u0003');
	assert.equal(await exited, 0);
	assert.ok(
		output.lastIndexOf(BRACKETED_PASTE_OFF) > output.lastIndexOf(bracketedPasteOn),
		'bracketed paste off after the last time it was turned on',
	);
	assert.equal(screen.buffer.active.type, 'normal', 'back on the main screen');
});
