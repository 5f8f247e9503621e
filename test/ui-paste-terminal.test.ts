// Bracketed paste in a real terminal: `chat join` in a pseudo-terminal read through a headless
// xterm. The screen turns bracketed paste on, a pasted `to:bob` and `quit` land in the input and
// run nothing, and the terminal gets bracketed paste off again on the way out.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {bracketedPasteOn} from '../source/ui/terminal-modes.js';
import {ownConfigEnv} from './helpers/built-cli.js';
import {chatJoinOnScreen, STEP_DEADLINE_MS} from './helpers/pty-screen.js';
import {loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const BRACKETED_PASTE_OFF = '\u001B[?2004l';

test('a paste of before, to:bob, quit, after lands in the input; bracketed paste is off after exit', async (t) => {
	const host = await startTestHost();
	const bob = await loginStructured(host.port, 'bob');
	const terminal = chatJoinOnScreen(
		`alice@127.0.0.1:${host.port}`,
		ownConfigEnv({CHAT_PASSWORD: ''}),
	);
	t.after(async () => {
		terminal.kill();
		bob.destroy();
		await host.stop();
	});
	const {shows, text, output} = terminal;

	await shows('connected');
	assert.ok(output().includes(bracketedPasteOn), 'bracketed paste turned on');
	terminal.type('to:bob\r');
	await shows('to bob>');
	// What a terminal sends for a paste of four lines: CR between them, inside the markers.
	terminal.type('\u001B[200~before\rto:bob\rquit\rafter\u001B[201~');
	await shows('after');
	assert.match(text(), /to bob> before\n {8}to:bob\n {8}quit\n {8}after/);
	assert.equal(
		bob.lines.filter((line) => line.startsWith('MSG ')).length,
		0,
		'nothing was sent on its own',
	);

	terminal.type('\r');
	const parts = [];
	for (let part = 0; part < 4; part++) parts.push(await bob.waitForLine(/^MSG /, STEP_DEADLINE_MS));
	assert.deepEqual(
		parts.map((line) => line.replace(/^MSG \S+ \S+ alice bob \S+ /, '')),
		['more=1 :before', 'more=1 :to:bob', 'more=1 :quit', ':after'],
	);
	await shows('✓');

	terminal.type('\u0003');
	assert.equal(await terminal.exited, 0);
	assert.ok(
		output().lastIndexOf(BRACKETED_PASTE_OFF) > output().lastIndexOf(bracketedPasteOn),
		'bracketed paste off after the last time it was turned on',
	);
	assert.ok(terminal.onMainScreen(), 'back on the main screen');
});
