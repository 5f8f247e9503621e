// Ctrl+Z in a real terminal, under a real shell with job control: the chat stops with the
// terminal as the shell needs it (main screen, cursor shown, echo and line editing on), fg brings
// the chat screen back whole, and after /quit the terminal is restored again.
import assert from 'node:assert/strict';
import process from 'node:process';
import {test} from 'node:test';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';
import {openPtyScreen, type PtyScreen, STEP_DEADLINE_MS} from './helpers/pty-screen.js';
import {loginStructured} from './helpers/raw-client.js';
import {waitUntil} from './helpers/render-chat.js';
import {startTestHost} from './helpers/start-host.js';

/** Prints `tty:EI`, E and I each 0 when echo and canonical input are on (no `-echo`, `-icanon`). */
const TTY_CHECK =
	'echo "tty:$(stty -a | tr " ;" "\\n\\n" | grep -cx -- -echo)$(stty -a | tr " ;" "\\n\\n" | grep -cx -- -icanon)"\r';

const openShell = () =>
	openPtyScreen(
		'bash',
		['--norc', '--noprofile', '-i'],
		ownConfigEnv({CHAT_PASSWORD: '', PS1: '$ '}),
	);

/** The terminal as a shell needs it: the main screen, the cursor shown last, echo on. */
async function assertRestored(shell: PtyScreen, mark: string) {
	await waitUntil(() => shell.onMainScreen(), 'the main screen', STEP_DEADLINE_MS);
	const output = shell.output();
	assert.ok(output.lastIndexOf('\u001B[?25h') > output.lastIndexOf('\u001B[?25l'), 'cursor shown');
	// Typed once the shell has the terminal again (its prompt), not while the chat still reads it.
	await waitUntil(() => shell.output().endsWith('$ '), 'the prompt', STEP_DEADLINE_MS);
	shell.type(`clear; echo ${mark}; ${TTY_CHECK}`);
	await shell.shows(`${mark}\ntty:00`);
}

test('Ctrl+Z stops the chat with the terminal restored; fg brings the screen back', async (t) => {
	const host = await startTestHost();
	const bob = await loginStructured(host.port, 'bob');
	const shell = openShell();
	t.after(async () => {
		shell.kill();
		bob.destroy();
		await host.stop();
	});
	await shell.shows('$');
	const command = [process.execPath, ...chatArgs('join', `alice@127.0.0.1:${host.port}`)];
	shell.type(`${command.map((part) => `'${part}'`).join(' ')}\r`);
	// bob listed, without a number: alice has no conversation with him yet.
	await shell.shows('   bob');
	assert.ok(!shell.onMainScreen(), 'the chat is on the alternate screen');

	shell.type('\u001A');
	await shell.shows('Stopped');
	await assertRestored(shell, 'suspended');

	shell.type('fg\r');
	await waitUntil(() => !shell.onMainScreen(), 'the alternate screen again', STEP_DEADLINE_MS);
	await shell.shows('   bob');
	await shell.shows('connected');
	assert.doesNotMatch(shell.text(), /tty:00/, 'the chat screen is drawn whole, nothing left over');
	// Keys reach the chat again, in raw mode: Ctrl+N picks bob.
	shell.type('\u000E');
	await shell.shows('to bob>');

	shell.type('/quit\r');
	await assertRestored(shell, 'quit');
	shell.type('exit\r');
});
