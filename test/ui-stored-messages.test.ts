// End to end in pseudo-terminals, read through a headless xterm: alice writes to bob, who owns
// his name and has gone offline; her screen says the message is stored until he returns. Bob
// comes back, sees it marked as having arrived while he was away, and alice's turns to ✓.
import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import {ownConfigEnv} from './helpers/built-cli.js';
import {chatJoinOnScreen} from './helpers/pty-screen.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

const openTerminal = (address: string, env: NodeJS.ProcessEnv) =>
	chatJoinOnScreen(address, {...env, CHAT_PASSWORD: ''}, {cols: 100});

/**
 * Alice writing to bob, who owns his name (his first login binds it to the key in his config
 * folder) and has just quit; `bobAgain()` is bob coming back.
 */
async function aliceWithBobGone(t: TestContext) {
	const host = await startStoreHost(t, storeDir());
	const address = (name: string) => `${name}@127.0.0.1:${host.port}`;
	const bobConfig = ownConfigEnv();
	const alice = openTerminal(address('alice'), ownConfigEnv());
	const bob = openTerminal(address('bob'), bobConfig);
	const terminals = [alice, bob];
	t.after(() => {
		for (const terminal of terminals) terminal.kill();
	});

	await alice.shows('   bob');
	alice.type('to:bob\r');
	await alice.shows('to bob>');
	// Typed only once his chat screen is up: typed sooner, it could reach a terminal that is not
	// the chat's yet, and his exit (awaited without a deadline) would never come.
	await bob.shows('2 online');
	bob.type('/quit\r');
	await bob.exited;
	const bobAgain = () => {
		const terminal = openTerminal(address('bob'), bobConfig);
		terminals.push(terminal);
		return terminal;
	};

	return {alice, bobAgain};
}

test('the sender sees stored until bob returns, and bob sees it arrived while he was away', async (t) => {
	const {alice, bobAgain} = await aliceWithBobGone(t);
	alice.type('see you tomorrow\r');
	await alice.shows('see you tomorrow stored: delivered when bob returns');

	const bob = bobAgain();
	await bob.shows('alice: see you tomorrow · while you were away');
	await alice.shows('see you tomorrow ✓');
});

test('a stored message of two lines reaches bob as one message, while he was away', async (t) => {
	const {alice, bobAgain} = await aliceWithBobGone(t);
	// A paste of two lines, as a terminal sends it inside the bracketed-paste markers.
	alice.type('\u001B[200~first line\rsecond line\u001B[201~');
	await alice.shows('second line');
	alice.type('\r');
	await alice.shows('stored: delivered when bob returns');

	const bob = bobAgain();
	await bob.shows('second line · while you were away');
	const screen = bob.text();
	// Under one stamp: the second line is drawn in the text's column, with no name of its own.
	assert.match(screen, /alice: first line\n[^\n]*│ +second line · while you were away/, screen);
	assert.doesNotMatch(screen, /alice: second line/, screen);
});
