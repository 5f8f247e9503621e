// `chat log`'s lines (source/log/): a multi-line message is a stamped line per text line, for
// grep, and a reader that stops early (`chat log … | head`) ends it quietly.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {test} from 'node:test';
import {HistoryStore} from '../source/history/history-store.js';
import {messageLine} from '../source/log/log-lines.js';
import {chatArgs, ownConfigEnv} from './helpers/built-cli.js';

test('a message of several lines is a line each, each with its time and sender', () => {
	const time = new Date(2026, 11, 1, 14, 5, 9).getTime();
	const line = messageLine(
		{uid: 'u1', time, from: 'bob', text: 'first\nsecond\u0007'},
		'bob',
		false,
	);
	assert.equal(line, '2026-12-01 14:05:09  bob: first\n2026-12-01 14:05:09  bob: second');
});

test('a /me is written as the screen draws it, and marked in JSON', () => {
	const time = new Date(2026, 11, 1, 14, 5, 9).getTime();
	const message = {uid: 'u1', time, from: 'bob', text: 'waves', action: true};
	assert.equal(messageLine(message, 'bob', false), '2026-12-01 14:05:09  * bob waves');
	assert.equal(JSON.parse(messageLine(message, 'bob', true)).action, true);
	assert.equal(
		JSON.parse(messageLine({...message, action: undefined}, 'bob', true)).action,
		undefined,
	);
});

test('a message stored for an offline owner says so', () => {
	const time = new Date(2026, 11, 1, 14, 5, 9).getTime();
	const message = {
		uid: 's1',
		time,
		from: 'alice',
		text: 'hi',
		delivery: {state: 'stored'},
	} as const;
	assert.equal(
		messageLine(message, 'bob', false),
		'2026-12-01 14:05:09  alice: hi [stored for them]',
	);
	assert.equal(JSON.parse(messageLine(message, 'bob', true)).delivery, 'stored');
});

test('chat log into a pipe closed early exits 0 with nothing on stderr', async () => {
	const env = ownConfigEnv();
	const store = new HistoryStore({
		dir: `${env['XDG_DATA_HOME'] ?? ''}/chat`,
		host: 'localhost:21567',
		self: 'alice',
	});
	for (let index = 0; index < 20_000; index++) {
		store.record('bob', {
			uid: `m${index}`,
			time: 1_700_000_000_000 + index,
			from: 'bob',
			text: `line ${index}`,
		});
	}
	store.close();
	const child = spawn(process.execPath, chatArgs('log', 'alice@localhost', 'bob'), {env});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	// The reader takes the first chunk and goes, as head does.
	child.stdout.once('data', () => {
		child.stdout.destroy();
	});
	const code = await new Promise<number | null>((resolve) => {
		child.once('exit', resolve);
	});
	assert.equal(stderr, '');
	assert.equal(code, 0);
});
