import './helpers/ink-draws-frames.js';
import assert from 'node:assert/strict';
import process from 'node:process';
import {test} from 'node:test';
import {enterSequence, restoreSequence, restoreTerminal} from '../source/ui/terminal-modes.js';
import {createFakeClient} from './helpers/fake-client.js';
import {chatUiOnFakeTty} from './helpers/fake-tty.js';
import {waitUntil} from './helpers/render-chat.js';

function startUi() {
	const client = createFakeClient();
	return {...chatUiOnFakeTty(client), client};
}

function assertRestored(ui: ReturnType<typeof startUi>) {
	assert.ok(ui.stdout.written.startsWith(enterSequence), 'entered the alternate screen first');
	assert.ok(ui.stdout.written.endsWith(restoreSequence), 'restored the terminal last');
	assert.equal(ui.stdin.rawModes.at(-1), false, 'raw mode is off');
	assert.equal(ui.client.listenerCount(), 0, 'no longer listening to the client');
}

test('the restore sequence leaves the alternate screen, shows the cursor and resets the title', () => {
	assert.ok(restoreSequence.includes('\u001B[?1049l'));
	assert.ok(restoreSequence.includes('\u001B[?25h'));
	assert.ok(restoreSequence.includes('\u001B[0m'));
	assert.ok(restoreSequence.includes('\u001B]0;\u0007'));
	assert.ok(restoreSequence.includes('\u001B[23;0t'));
	assert.ok(enterSequence.includes('\u001B[?1049h'));
	assert.ok(enterSequence.includes('\u001B[22;0t'));
});

test('restoreTerminal turns raw mode off and survives a terminal that is gone', () => {
	const modes: boolean[] = [];
	let written = '';
	restoreTerminal({
		stdin: {isTTY: true, setRawMode: (mode: boolean) => modes.push(mode)},
		stdout: {write: (data: string) => (written += data)},
	});
	assert.deepEqual(modes, [false]);
	assert.equal(written, restoreSequence);
	assert.doesNotThrow(() => {
		restoreTerminal({
			stdin: {
				isTTY: true,
				setRawMode() {
					throw new Error('EIO');
				},
			},
			stdout: {
				write() {
					throw new Error('EPIPE');
				},
			},
		});
	});
});

test('/quit: logs out, exits 0, terminal restored', async () => {
	const ui = startUi();
	ui.client.welcome('alice', ['bob']);
	await waitUntil(() => ui.stdout.written.includes('bob'), 'the screen');
	ui.stdin.type('/quit');
	ui.stdin.type('\r');
	assert.deepEqual(await ui.result, {exitCode: 0});
	assert.equal(ui.client.quits, 1);
	assertRestored(ui);
});

test('the host refusing us: exit 1 with the sentence, terminal restored', async () => {
	const ui = startUi();
	ui.client.emit({
		type: 'closed',
		code: 'name-taken',
		message: 'the name alice is already in use on localhost:21567',
	});
	assert.deepEqual(await ui.result, {
		exitCode: 1,
		message: 'the name alice is already in use on localhost:21567',
	});
	assertRestored(ui);
});

test('SIGTERM: logs out, terminal restored, signal handlers removed', async () => {
	const before = process.listenerCount('SIGTERM');
	const ui = startUi();
	ui.client.welcome('alice', []);
	await waitUntil(() => ui.stdout.written.includes('F1 help'), 'the screen');
	process.emit('SIGTERM');
	assert.deepEqual(await ui.result, {exitCode: 143});
	assert.equal(ui.client.quits, 1);
	assertRestored(ui);
	assert.equal(process.listenerCount('SIGTERM'), before);
});

test('an exception while drawing: exit 1 with one sentence, terminal restored', async () => {
	const ui = startUi();
	ui.client.welcome('alice', ['bob']);
	await waitUntil(() => ui.stdout.written.includes('bob'), 'the screen');
	// A client bug: a message without text makes drawing it throw.
	const text = undefined as unknown as string;
	ui.client.emit({type: 'message', id: '1', time: Date.now(), from: 'bob', to: 'alice', text});
	const outcome = await ui.result;
	assert.equal(outcome.exitCode, 1);
	assert.match(outcome.message ?? '', /^the chat screen stopped: /);
	assertRestored(ui);
});
