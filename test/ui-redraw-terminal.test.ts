// Ctrl+L in a real terminal: `chat join` in a pseudo-terminal read through a headless xterm. Another
// program's output garbles the screen; after Ctrl+L the screen is the whole chat frame again, cell
// for cell: the user list, the conversation, the input line with its draft, and the status bar.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {loginStructured} from './helpers/raw-client.js';
import {waitUntil} from './helpers/render-chat.js';
import {startTestHost} from './helpers/start-host.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Starting `chat join` on a busy machine can take seconds. */
const STEP_DEADLINE_MS = 60_000;

/** The whole test, so a step that never ends fails it rather than hanging the run. */
const TEST_DEADLINE_MS = 5 * STEP_DEADLINE_MS;

/** What a background job or `wall` might print over the chat: text, a clear, the cursor moved. */
const GARBAGE = '\u001B[2J\u001B[3;5Hbackground job: done\r\n[1]+ Done  make\u001B[20;40Hxx';

test(
	'after Ctrl+L a screen garbled by another program shows the whole frame again',
	{timeout: TEST_DEADLINE_MS},
	async (t) => {
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
		// Writes reach the emulator in order; `drawn` resolves once it has taken all written so far.
		let drawn = Promise.resolve();
		const draw = (data: string) => {
			drawn = new Promise((resolve) => {
				screen.write(data, resolve);
			});
		};
		terminal.onData(draw);
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
		terminal.write('to:bob\r');
		await shows('to bob>');
		bob.send('SEND r1 alice :hello from bob');
		await shows('hello from bob');
		terminal.write('half typed');
		await shows('to bob> half typed');
		await drawn;
		const frame = text();
		assert.match(frame, /›1 bob/, 'the list');
		assert.match(frame, /bob: hello from bob/, 'the conversation');
		assert.match(frame, /F1 help/, 'the status bar');

		draw(GARBAGE);
		await drawn;
		assert.doesNotMatch(text(), /hello from bob/, 'garbled: the conversation is gone');
		assert.match(text(), /background job: done/);

		terminal.write('\u000C');
		await waitUntil(
			() => text() === frame,
			`the whole frame again, not:\n${text()}`,
			STEP_DEADLINE_MS,
		);
		// The draft survived the garbling and the redraw: Enter sends it, delivered before quitting.
		terminal.write('\r');
		await bob.waitForLine(/^MSG .* :half typed$/, STEP_DEADLINE_MS);
		await shows('half typed ✓');
		terminal.write('\u0003');
		assert.equal(await exited, 0);
	},
);
