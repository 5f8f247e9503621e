// `chat join` in a real pseudo-terminal: a failure ends the full-screen UI with the terminal
// restored, then one sentence, a non-zero exit and no stack trace.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import {loginStructured} from './helpers/raw-client.js';
import {startHostWithUsers, startTestHost} from './helpers/start-host.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {closedPort} from './helpers/closed-port.js';
import {withDeadline} from '../bench/deferred.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const DEADLINE_MS = 20_000;

async function joinInTerminal(address: string): Promise<{exitCode: number; output: string}> {
	const terminal = pty.spawn(process.execPath, chatArgs('join', address), {
		cwd: root,
		cols: 80,
		rows: 24,
		env: ownConfigEnv({CHAT_PASSWORD: ''}),
	});
	let output = '';
	terminal.onData((data) => {
		output += data;
	});
	const deadline = setTimeout(() => {
		terminal.kill();
	}, DEADLINE_MS);
	return new Promise((resolve) => {
		terminal.onExit(({exitCode}) => {
			clearTimeout(deadline);
			resolve({exitCode, output});
		});
	});
}

/** What the terminal shows after the UI left the alternate screen. */
function afterUi(output: string): string {
	const restored = output.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
	assert.notEqual(restored, -1, `the UI never restored the main screen: ${JSON.stringify(output)}`);
	return output.slice(restored + LEAVE_ALTERNATE_SCREEN.length);
}

test('a taken name in the terminal: restored screen, one sentence, exit 1', async (t) => {
	// alice is logged in already: the name is taken.
	const [host] = await startHostWithUsers(t, loginStructured, ['alice']);
	const {exitCode, output} = await joinInTerminal(`alice@127.0.0.1:${host.port}`);
	assert.notEqual(exitCode, 0);
	const after = afterUi(output);
	assert.match(
		after,
		new RegExp(`the name alice is already in use on 127\\.0\\.0\\.1:${host.port}`),
	);
	assert.doesNotMatch(after, /\n\s+at /);
});

test('a refused connection in the terminal: restored screen, one sentence, exit 1', async () => {
	const port = await closedPort();
	const {exitCode, output} = await joinInTerminal(`alice@127.0.0.1:${port}`);
	assert.notEqual(exitCode, 0);
	const after = afterUi(output);
	assert.match(
		after,
		new RegExp(`could not connect to 127\\.0\\.0\\.1:${port}: connection refused`),
	);
	assert.doesNotMatch(after, /\n\s+at /);
});

/**
 * The moments after the login a signal is sent at, in ms: while the chat screen's code loads and
 * while it starts. A signal the process had caught but not yet dispatched when a hand-off let the
 * last cleanup step end was lost, and each join here is one more chance to land in such a gap.
 */
const SIGNAL_DELAYS_MS = [0, 10, 25, 50, 80, 120];

test('a signal as soon as the login is in logs out, so the name is free at once', async (t) => {
	await Promise.all(
		SIGNAL_DELAYS_MS.map(async (delayMs) => {
			const host = await startTestHost();
			const bob = await loginStructured(host.port, 'bob');
			const terminal = pty.spawn(
				process.execPath,
				chatArgs('join', `alice@127.0.0.1:${host.port}`),
				{
					cwd: root,
					cols: 80,
					rows: 24,
					env: ownConfigEnv({CHAT_PASSWORD: ''}),
				},
			);
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
			// The client logs in while the chat screen is still loading: the signal may come first.
			await bob.waitForLine(/^JOIN alice$/, DEADLINE_MS);
			await delay(delayMs);
			terminal.kill('SIGINT');
			const exitCode = await withDeadline(exited, DEADLINE_MS, `chat join ${delayMs} ms after`);
			assert.equal(exitCode, 130, `the signal ${delayMs} ms after the login`);
			assert.equal(await bob.waitForLine(/^(LEAVE|AWAY) alice$/, DEADLINE_MS), 'LEAVE alice');
		}),
	);
});
