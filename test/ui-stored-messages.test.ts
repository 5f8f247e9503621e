// End to end in pseudo-terminals, read through a headless xterm: alice writes to bob, who owns
// his name and has gone offline; her screen says the message is stored until he returns. Bob
// comes back, sees it marked as having arrived while he was away, and alice's turns to ✓.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ownConfigEnv} from './helpers/built-cli.js';
import {chatJoinOnScreen} from './helpers/pty-screen.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

const openTerminal = (address: string, env: NodeJS.ProcessEnv) =>
	chatJoinOnScreen(address, {...env, CHAT_PASSWORD: ''}, {cols: 100});

test('the sender sees stored until bob returns, and bob sees it arrived while he was away', async (t) => {
	// Nobody owns bob yet: his first login binds the name to the key in his config folder.
	const host = await startStoreHost(t, storeDir(t));
	const address = (name: string) => `${name}@127.0.0.1:${host.port}`;
	const aliceConfig = ownConfigEnv();
	const bobConfig = ownConfigEnv();
	const alice = openTerminal(address('alice'), aliceConfig);
	const bob = openTerminal(address('bob'), bobConfig);
	const terminals = [alice, bob];
	t.after(() => {
		for (const terminal of terminals) terminal.kill();
	});

	await alice.shows('   bob');
	alice.type('to:bob\r');
	await alice.shows('to bob>');
	bob.type('/quit\r');
	await bob.exited;

	alice.type('see you tomorrow\r');
	await alice.shows('see you tomorrow stored: delivered when bob returns');

	const bobAgain = openTerminal(address('bob'), bobConfig);
	terminals.push(bobAgain);
	await bobAgain.shows('alice: see you tomorrow · while you were away');
	await alice.shows('see you tomorrow ✓');
});

test('a stored message of two lines reaches bob as one message, while he was away', async (t) => {
	const host = await startStoreHost(t, storeDir(t));
	const address = (name: string) => `${name}@127.0.0.1:${host.port}`;
	const aliceConfig = ownConfigEnv();
	const bobConfig = ownConfigEnv();
	const alice = openTerminal(address('alice'), aliceConfig);
	const bob = openTerminal(address('bob'), bobConfig);
	const terminals = [alice, bob];
	t.after(() => {
		for (const terminal of terminals) terminal.kill();
	});

	await alice.shows('   bob');
	alice.type('to:bob\r');
	await alice.shows('to bob>');
	bob.type('/quit\r');
	await bob.exited;

	// A paste of two lines, as a terminal sends it inside the bracketed-paste markers.
	alice.type('\u001B[200~first line\rsecond line\u001B[201~');
	await alice.shows('second line');
	alice.type('\r');
	await alice.shows('stored: delivered when bob returns');

	const bobAgain = openTerminal(address('bob'), bobConfig);
	terminals.push(bobAgain);
	await bobAgain.shows('second line · while you were away');
	const screen = bobAgain.text();
	// Under one stamp: the second line is drawn in the text's column, with no name of its own.
	assert.match(screen, /alice: first line\n[^\n]*│ +second line · while you were away/, screen);
	assert.doesNotMatch(screen, /alice: second line/, screen);
});
