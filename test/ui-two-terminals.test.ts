// End to end: the real `chat host` and two real `chat join` processes in pseudo-terminals, read through
// a headless xterm. Alice picks bob and writes; bob replies without typing to:; both quit and get
// their terminal back.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ownConfigEnv, startHostProcess} from './helpers/built-cli.js';
import {chatJoinOnScreen} from './helpers/pty-screen.js';

const openTerminal = (address: string) =>
	chatJoinOnScreen(address, ownConfigEnv({CHAT_PASSWORD: ''}));

test('two people chat in two terminals and both get their terminal back', async (t) => {
	const host = await startHostProcess();
	const alice = openTerminal(`alice@127.0.0.1:${host.port}`);
	const bob = openTerminal(`bob@127.0.0.1:${host.port}`);
	t.after(async () => {
		alice.kill();
		bob.kill();
		await host.stop();
	});

	await alice.shows('connected');
	await bob.shows('connected');
	// Listed without a number until alice opens a conversation with him.
	await alice.shows('   bob');
	alice.type('to:bob\r');
	await alice.shows('to bob>');
	await alice.shows('›1 bob');
	alice.type('hi bob, 你好 👍\r');
	await bob.shows('alice: hi bob, 你好 👍');
	await bob.shows('to alice>');
	await alice.shows('hi bob, 你好 👍 ✓');

	bob.type('hello alice\r');
	await alice.shows('bob: hello alice');
	await bob.shows('hello alice ✓');

	alice.type('/quit\r');
	bob.type('\u0003');
	assert.equal(await alice.exited, 0);
	assert.equal(await bob.exited, 0);
	for (const person of [alice, bob]) {
		assert.ok(person.onMainScreen(), 'back on the main screen');
		assert.ok(person.output().includes('\u001B[?1049l\u001B'), 'left the alternate screen');
		assert.ok(
			person.output().lastIndexOf('\u001B[?25h') > person.output().lastIndexOf('\u001B[?25l'),
		);
	}
});
