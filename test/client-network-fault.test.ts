// The client over a bad network: drops, a silent link, and a host restart. Nothing typed on
// either side is lost or shown twice, and order holds.
import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import type {ChatClient} from '../source/client/chat-client.js';
import {openPlainSocket, type OpenSocket} from '../source/client/open-socket.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {startHost} from '../source/host/start-host.js';
import {recordClientEvents, type ClientEventLog} from './helpers/client-event-log.js';
import {startTestHost} from './helpers/start-host.js';
import {startTcpProxy} from './helpers/tcp-proxy.js';

/** Short keepalive so a silent link is noticed within the test's deadline. */
const FAST_KEEPALIVE = {pingAfterSilenceMs: 200, pongTimeoutMs: 300};

function texts(log: ClientEventLog): string[] {
	return log.all('message').map((message) => message.text);
}

/** Sends and waits for the final result of each, in order. */
async function sendAll(client: ChatClient, log: ClientEventLog, to: string, lines: string[]) {
	const refs = lines.map((text) => client.send(to, text));
	for (const ref of refs) {
		await log.next('delivered', (event) => event.ref === ref);
	}
}

/** Alice reaches the host through a proxy the test can cut or silence; bob connects directly. */
async function aliceBehindProxy(t: TestContext, options: {quitAnswerTimeoutMs?: number} = {}) {
	const host = await startTestHost();
	const proxy = await startTcpProxy(host.port);
	const aliceClient = createStructuredClient({
		address: {host: '127.0.0.1', port: proxy.port},
		name: 'alice',
		keepalive: FAST_KEEPALIVE,
		...options,
	});
	const bobClient = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'bob',
	});
	t.after(async () => {
		await Promise.all([aliceClient.quit(), bobClient.quit()]);
		await proxy.close();
		await host.stop();
	});
	const alice = recordClientEvents(aliceClient);
	const bob = recordClientEvents(bobClient);
	await alice.next('welcome');
	await bob.next('welcome');
	return {host, proxy, aliceClient, bobClient, alice, bob};
}

/** Sockets open as usual until close(); then each new one waits for open(): a reconnect held back. */
function socketGate() {
	let gate: Promise<void> = Promise.resolve();
	let openGate = (): void => {};
	const openSocket: OpenSocket = async (address) => {
		await gate;
		return openPlainSocket(address);
	};
	return {
		openSocket,
		close() {
			gate = new Promise((resolve) => {
				openGate = resolve;
			});
		},
		open() {
			openGate();
		},
	};
}

async function waitForTexts(log: ClientEventLog, wanted: string[]) {
	for (const text of wanted) await log.next('message', (event) => event.text === text);
}

test('a dropped connection resumes; messages around the gap arrive once, in order, both ways', async (t) => {
	const {proxy, aliceClient, bobClient, alice, bob} = await aliceBehindProxy(t);

	await sendAll(aliceClient, alice, 'bob', ['a1']);
	await sendAll(bobClient, bob, 'alice', ['b1']);
	await waitForTexts(alice, ['b1']);

	// The host's answers stop reaching alice: a2 is delivered but alice never hears so, and
	// b2 is handed to a connection whose bytes are lost.
	proxy.goSilent('to-client');
	const a2 = aliceClient.send('bob', 'a2');
	await waitForTexts(bob, ['a2']);
	const b2 = bobClient.send('alice', 'b2');
	await bob.next('delivered', (event) => event.ref === b2);

	// Then the connection is cut; alice queues while it is down.
	proxy.cutAll();
	proxy.speak();
	await alice.next('state', (event) => event.state === 'reconnecting');
	assert.match(
		alice.all('state').find((event) => event.state === 'reconnecting')?.detail ?? '',
		/^retrying in \d+ s$/,
	);
	const a3 = aliceClient.send('bob', 'a3');
	const a4 = aliceClient.send('bob', 'a4');
	const b3 = bobClient.send('alice', 'b3');

	const welcomeAgain = await alice.next('welcome');
	assert.deepEqual([...welcomeAgain.users].sort(), ['alice', 'bob']);
	for (const ref of [a2, a3, a4]) await alice.next('delivered', (event) => event.ref === ref);
	await bob.next('delivered', (event) => event.ref === b3);
	await waitForTexts(alice, ['b3']);

	await sendAll(aliceClient, alice, 'bob', ['a5']);
	await sendAll(bobClient, bob, 'alice', ['b4']);
	await waitForTexts(alice, ['b4']);
	await waitForTexts(bob, ['a5']);

	assert.deepEqual(texts(bob), ['a1', 'a2', 'a3', 'a4', 'a5']);
	assert.deepEqual(texts(alice), ['b1', 'b2', 'b3', 'b4']);
	assert.equal(alice.all('failed').length, 0);
	// Others saw a short absence, not a leave and a join.
	assert.equal(bob.all('user-left').length, 0);
});

test("a silent link is noticed by the client's own ping, and the session resumes", async (t) => {
	const {proxy, aliceClient, alice, bob} = await aliceBehindProxy(t);

	proxy.goSilent('both');
	const quiet = aliceClient.send('bob', 'sent into the void');
	await alice.next('state', (event) => event.state === 'reconnecting');
	proxy.speak();
	await alice.next('welcome');
	await alice.next('delivered', (event) => event.ref === quiet);
	await waitForTexts(bob, ['sent into the void']);
	assert.equal(proxy.accepted, 2);
	assert.deepEqual(texts(bob), ['sent into the void']);
});

test('the host restarts on the same port; both log in again and queued messages arrive once', async (t) => {
	const first = await startHost({port: 0, bind: '127.0.0.1'});
	const {port} = first;
	const restarted: Array<Awaited<ReturnType<typeof startHost>>> = [];
	// Alice reconnects only once bob is back, so her queued messages have someone to go to.
	const gate = socketGate();

	const aliceClient = createStructuredClient({
		address: {host: '127.0.0.1', port},
		name: 'alice',
		openSocket: gate.openSocket,
	});
	const bobClient = createStructuredClient({address: {host: '127.0.0.1', port}, name: 'bob'});
	t.after(async () => {
		gate.open();
		await Promise.all([aliceClient.quit(), bobClient.quit()]);
		await first.close();
		await Promise.all(restarted.map(async (host) => host.close()));
	});
	const alice = recordClientEvents(aliceClient);
	const bob = recordClientEvents(bobClient);
	await alice.next('welcome');
	await bob.next('welcome');
	await sendAll(aliceClient, alice, 'bob', ['before']);
	await sendAll(bobClient, bob, 'alice', ['hello alice']);
	await waitForTexts(alice, ['hello alice']);

	gate.close();
	await first.close();
	await alice.next('state', (event) => event.state === 'reconnecting');
	await bob.next('state', (event) => event.state === 'reconnecting');
	const queued = ['while down 1', 'while down 2', 'while down 3'].map((text) =>
		aliceClient.send('bob', text),
	);

	restarted.push(await startHost({port, bind: '127.0.0.1'}));
	const bobBack = await bob.next('welcome');
	assert.deepEqual(bobBack.users, ['bob']);
	gate.open();
	const aliceBack = await alice.next('welcome');
	assert.deepEqual([...aliceBack.users].sort(), ['alice', 'bob']);
	for (const ref of queued) await alice.next('delivered', (event) => event.ref === ref);
	await sendAll(bobClient, bob, 'alice', ['welcome back']);
	await waitForTexts(alice, ['welcome back']);

	assert.deepEqual(texts(bob), ['before', 'while down 1', 'while down 2', 'while down 3']);
	assert.deepEqual(texts(alice), ['hello alice', 'welcome back']);
	assert.equal(alice.all('failed').length, 0);
	assert.equal(alice.all('closed').length, 0);
});

test('a message whose result was lost when the host restarted is resent and shown once', async (t) => {
	const first = await startHost({port: 0, bind: '127.0.0.1'});
	const {port} = first;
	const restarted: Array<Awaited<ReturnType<typeof startHost>>> = [];
	const proxy = await startTcpProxy(port);
	const gate = socketGate();

	const aliceClient = createStructuredClient({
		address: {host: '127.0.0.1', port: proxy.port},
		name: 'alice',
		openSocket: gate.openSocket,
	});
	const bobClient = createStructuredClient({address: {host: '127.0.0.1', port}, name: 'bob'});
	t.after(async () => {
		gate.open();
		await Promise.all([aliceClient.quit(), bobClient.quit()]);
		await proxy.close();
		await first.close();
		await Promise.all(restarted.map(async (host) => host.close()));
	});
	const alice = recordClientEvents(aliceClient);
	const bob = recordClientEvents(bobClient);
	await alice.next('welcome');
	await bob.next('welcome');

	// The old host relays the message, but its DELIVERED never reaches alice.
	proxy.goSilent('to-client');
	const inFlight = aliceClient.send('bob', 'in flight');
	await waitForTexts(bob, ['in flight']);
	gate.close();
	await first.close();
	await alice.next('state', (event) => event.state === 'reconnecting');
	proxy.speak();

	// The new host has never seen the ref, so it relays the resend: bob's client drops it.
	restarted.push(await startHost({port, bind: '127.0.0.1'}));
	await bob.next('welcome');
	gate.open();
	await alice.next('welcome');
	const delivered = await alice.next('delivered', (event) => event.ref === inFlight);
	assert.ok(BigInt(delivered.id) > 0n);
	await sendAll(aliceClient, alice, 'bob', ['after']);
	await waitForTexts(bob, ['after']);
	assert.deepEqual(texts(bob), ['in flight', 'after']);
	assert.equal(alice.all('failed').length, 0);
});

test('a refusal that will not change ends reconnecting: the host came back with another password', async (t) => {
	const first = await startHost({port: 0, bind: '127.0.0.1', password: 'old-secret'});
	const {port} = first;
	const restarted: Array<Awaited<ReturnType<typeof startHost>>> = [];
	const aliceClient = createStructuredClient({
		address: {host: '127.0.0.1', port},
		name: 'alice',
		password: 'old-secret',
	});
	t.after(async () => {
		await aliceClient.quit();
		await first.close();
		await Promise.all(restarted.map(async (host) => host.close()));
	});
	const alice = recordClientEvents(aliceClient);
	await alice.next('welcome');
	await first.close();
	await alice.next('state', (event) => event.state === 'reconnecting');
	const queued = aliceClient.send('bob', 'never sent');
	restarted.push(await startHost({port, bind: '127.0.0.1', password: 'new-secret'}));

	const closed = await alice.next('closed');
	assert.deepEqual(closed, {
		type: 'closed',
		code: 'password-wrong',
		message: `wrong password for 127.0.0.1:${port}`,
	});
	const failed = await alice.next('failed');
	assert.equal(failed.ref, queued);
	assert.equal(failed.reason, `not sent: ${closed.message}`);
});

test('a host that never answers the quit does not keep the client: quit() ends at its deadline', async (t) => {
	const deadlineMs = 20;
	const {proxy, aliceClient, alice} = await aliceBehindProxy(t, {quitAnswerTimeoutMs: deadlineMs});
	// The link stays open but carries nothing: the QUIT never arrives, so no BYE comes back.
	proxy.goSilent('both');
	const started = Date.now();
	await aliceClient.quit();
	const waited = Date.now() - started;
	assert.ok(waited >= deadlineMs / 2, `quit() waited for the host (${waited} ms)`);
	assert.ok(waited < 2000, `quit() ended at its deadline, not later (${waited} ms)`);
	assert.doesNotMatch(proxy.transcript.toHost, /^QUIT$/m);
	assert.equal((await alice.next('closed')).code, 'quit');
});
