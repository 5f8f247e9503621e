// What the client heard while the chat screen's code loaded (often the whole login) is in the
// screen's first frame: no frame of "connecting" first, and nothing heard is lost or unrecorded.
import './helpers/ink-draws-frames.js';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {HistoryStore} from '../source/history/history-store.js';
import {bellSequence, enterSequence} from '../source/ui/terminal-modes.js';
import {createFakeClient, type FakeClient} from './helpers/fake-client.js';
import {chatUiOnFakeTty, FakeStdin, FakeStdout} from './helpers/fake-tty.js';
import {waitUntil} from './helpers/render-chat.js';
import {storeDir} from './helpers/store-dir.js';

/** Ink wraps each frame in synchronized output: begin … end. */
const FRAME_END = '\u001B[?2026l';
/** The title is set with OSC 0, which also ends in BEL; only a bare BEL is the bell. */
const TITLE_SEQUENCE = /\u001B\][^\u0007]*\u0007/g;

function startUi(client: FakeClient, history?: HistoryStore) {
	const stdout = new FakeStdout();
	const stdin = new FakeStdin();
	// Raw mode as the first frame is written: keys typed at once must reach the chat as keys.
	let rawAtFirstFrame: boolean | undefined;
	const write = stdout.write;
	stdout.write = (data: string) => {
		if (data.includes(FRAME_END)) rawAtFirstFrame ??= stdin.rawModes.at(-1) === true;
		return write(data);
	};
	const {result} = chatUiOnFakeTty(client, {history, stdin, stdout});
	return {stdout, stdin, result, rawAtFirstFrame: () => rawAtFirstFrame};
}

/** What was drawn up to the end of the first frame, after entering the alternate screen. */
function firstFrame(written: string): string {
	const end = written.indexOf(FRAME_END);
	assert.ok(end > 0, 'a frame was drawn');
	return written.slice(enterSequence.length, end);
}

async function quit(ui: ReturnType<typeof startUi>): Promise<void> {
	ui.stdin.type('/quit');
	ui.stdin.type('\r');
	assert.deepEqual(await ui.result, {exitCode: 0});
}

test('welcomed before the screen starts: the first frame is the chat screen, not connecting', async () => {
	const client = createFakeClient();
	client.welcome('alice', ['bob']);
	const ui = startUi(client);
	await waitUntil(() => ui.stdout.written.includes(FRAME_END), 'the first frame');
	const frame = firstFrame(ui.stdout.written);
	assert.match(frame, /bob/);
	assert.match(frame, /(?<!dis)connected/);
	assert.doesNotMatch(ui.stdout.written, /connecting to/);
	assert.equal(ui.rawAtFirstFrame(), true, 'raw mode is on before the chat screen shows');
	await quit(ui);
});

test('not welcomed yet: the first frame says connecting, and the welcome follows', async () => {
	const client = createFakeClient();
	const ui = startUi(client);
	await waitUntil(() => ui.stdout.written.includes(FRAME_END), 'the first frame');
	assert.match(firstFrame(ui.stdout.written), /connecting to localhost:21567 as alice/);
	client.welcome('alice', ['bob']);
	await waitUntil(() => /(?<!dis)connected/.test(ui.stdout.written), 'the chat screen');
	await quit(ui);
});

test('a message heard before the screen starts is shown, rings once and is kept in the history', async (t) => {
	const dir = storeDir();
	const history = new HistoryStore({dir, host: 'localhost:21567', self: 'alice'});
	const client = createFakeClient();
	client.welcome('alice', ['bob']);
	client.message('bob', 'sent while you were away');
	const ui = startUi(client, history);
	await waitUntil(() => ui.stdout.written.includes(FRAME_END), 'the first frame');
	assert.match(firstFrame(ui.stdout.written), /sent while you were away/);
	await waitUntil(
		() => ui.stdout.written.replaceAll(TITLE_SEQUENCE, '').includes(bellSequence),
		'the bell',
	);
	// Heard later, through the screen's own subscription: nothing was taken from it twice.
	client.message('bob', 'and one more');
	await waitUntil(() => ui.stdout.written.includes('and one more'), 'the next message');
	await quit(ui);
	history.close();

	const bells = ui.stdout.written.replaceAll(TITLE_SEQUENCE, '').split(bellSequence).length - 1;
	assert.equal(bells, 1, 'one bell for the conversation with unread messages');
	const reopened = new HistoryStore({dir, host: 'localhost:21567', self: 'alice'});
	t.after(() => {
		reopened.close();
	});
	assert.deepEqual(
		reopened.latest('bob', 10).map((message) => message.text),
		['sent while you were away', 'and one more'],
	);
});
