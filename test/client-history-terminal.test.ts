// End to end with the built binary: alice chats with bob in a pseudo-terminal, quits, joins
// again and sees the conversation, then `chat log` prints it. The history is in a temp
// XDG_DATA_HOME, never the real home.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {test} from 'node:test';
import {chatArgs, ownConfigEnv, startHostProcess} from './helpers/built-cli.js';
import {chatJoinOnScreen} from './helpers/pty-screen.js';
import {loginStructured} from './helpers/raw-client.js';
import {storeDir} from './helpers/store-dir.js';

const CTRL_C = '\u0003';

test('chat, quit, join again and the conversation is there; chat log prints it', async (t) => {
	const dataHome = path.dirname(storeDir());
	const host = await startHostProcess();
	const bob = await loginStructured(host.port, 'bob');
	const address = `alice@127.0.0.1:${host.port}`;
	// Both joins are the same person: one config folder (the key, the pinned host), one history.
	const aliceEnv = ownConfigEnv({CHAT_PASSWORD: '', XDG_DATA_HOME: dataHome});
	t.after(async () => {
		bob.destroy();
		await host.stop();
	});

	const first = chatJoinOnScreen(address, aliceEnv);
	t.after(() => first.kill());
	await first.shows('bob');
	bob.send('SEND r1 alice :hello from bob, 你好 🎉');
	await first.shows('hello from bob');
	first.type('see you tomorrow, Bob\r');
	await first.shows('see you tomorrow');
	await bob.waitForLine(/see you tomorrow/);
	// Delivered first: a quit with a message still waiting asks before it goes (quit-question.ts).
	await first.shows('see you tomorrow, Bob ✓');
	first.type(CTRL_C);
	assert.equal(await first.exited, 0);

	const second = chatJoinOnScreen(address, aliceEnv);
	t.after(() => second.kill());
	await second.shows('bob');
	second.type('\u001B1');
	await second.shows('hello from bob');
	await second.shows('see you tomorrow');
	await second.shows('this session');
	second.type(CTRL_C);
	assert.equal(await second.exited, 0);

	const log = spawnSync(process.execPath, chatArgs('log', address, 'bob'), {
		env: {...process.env, XDG_DATA_HOME: dataHome},
		encoding: 'utf8',
	});
	assert.equal(log.status, 0, log.stderr);
	const lines = log.stdout.trimEnd().split('\n');
	assert.equal(lines.length, 2);
	assert.match(lines[0] ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}bob: hello from bob, 你好 🎉$/);
	assert.match(lines[1] ?? '', /alice: see you tomorrow, Bob$/);

	const list = spawnSync(process.execPath, chatArgs('log', address, '--json'), {
		env: {...process.env, XDG_DATA_HOME: dataHome},
		encoding: 'utf8',
	});
	assert.equal(list.status, 0, list.stderr);
	const conversation = JSON.parse(list.stdout) as {partner: string; messages: number};
	assert.equal(conversation.partner, 'bob');
	assert.equal(conversation.messages, 2);
});
