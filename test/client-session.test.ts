import assert from 'node:assert/strict';
import net from 'node:net';
import {test, type TestContext} from 'node:test';
import type {ChatClient} from '../source/client/chat-client.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {loginPlain} from './helpers/raw-client.js';
import type {HostOptions} from '../source/host/host-options.js';
import {startTestHost, type TestHost} from './helpers/start-host.js';
import {closedPort} from './helpers/closed-port.js';

const clients: ChatClient[] = [];

function join(port: number, name: string, host = '127.0.0.1'): ChatClient {
	const client = createStructuredClient({address: {host, port}, name});
	clients.push(client);
	return client;
}

async function quitAll(): Promise<void> {
	await Promise.all(clients.splice(0).map(async (client) => client.quit()));
}

/** A host that stops, after every client quits, when the test ends. */
async function hostForTest(t: TestContext, options?: HostOptions): Promise<TestHost> {
	const host = await startTestHost(options);
	t.after(async () => {
		await quitAll();
		await host.stop();
	});
	return host;
}

/** A client logged in as `name`, and the record of its events from the start. */
async function loggedIn(port: number, name: string) {
	const client = join(port, name);
	const events = recordClientEvents(client);
	await events.next('welcome');
	return {client, events};
}

test('login gives the roster, then joins and leaves arrive', async (t) => {
	const host = await hostForTest(t);
	const alice = recordClientEvents(join(host.port, 'alice'));
	assert.deepEqual(await alice.next('welcome'), {
		type: 'welcome',
		name: 'alice',
		users: ['alice'],
		host: `127.0.0.1:${host.port}`,
	});
	await alice.next('state', (event) => event.state === 'connected');

	const bobClient = join(host.port, 'bob');
	const bob = recordClientEvents(bobClient);
	const bobWelcome = await bob.next('welcome');
	assert.deepEqual([...bobWelcome.users].sort(), ['alice', 'bob']);
	assert.deepEqual(await alice.next('user-joined'), {type: 'user-joined', name: 'bob'});

	await bobClient.quit();
	assert.deepEqual(await bob.next('closed'), {
		type: 'closed',
		code: 'quit',
		message: 'you left the chat',
	});
	assert.deepEqual(await alice.next('user-left'), {type: 'user-left', name: 'bob'});
});

test('a message is delivered and arrives once; an unknown recipient fails', async (t) => {
	const host = await hostForTest(t);
	const {client: aliceClient, events: alice} = await loggedIn(host.port, 'alice');
	const {events: bob} = await loggedIn(host.port, 'bob');

	const ref = aliceClient.send('bob', 'hello bob');
	const delivered = await alice.next('delivered');
	assert.equal(delivered.ref, ref);
	const message = await bob.next('message');
	assert.equal(message.from, 'alice');
	assert.equal(message.to, 'bob');
	assert.equal(message.text, 'hello bob');
	assert.equal(message.id, delivered.id);

	const lost = aliceClient.send('carol', 'anyone?');
	const failed = await alice.next('failed');
	assert.equal(failed.ref, lost);
	assert.equal(failed.code, 'no-such-user');
	assert.match(failed.reason, /carol/);
	assert.equal(bob.all('message').length, 1);
});

test('messages from a plain netcat user arrive too', async (t) => {
	const host = await hostForTest(t);
	const nc = await loginPlain(host.port, 'nc');
	t.after(() => {
		nc.destroy();
	});
	const alice = recordClientEvents(join(host.port, 'alice'));
	await alice.next('welcome');
	nc.send('to:alice');
	nc.send('hi from nc');
	const message = await alice.next('message');
	assert.equal(message.from, 'nc');
	assert.equal(message.text, 'hi from nc');
});

test('a taken name closes the session with one sentence', async (t) => {
	const host = await hostForTest(t);
	const first = recordClientEvents(join(host.port, 'alice'));
	await first.next('welcome');
	const second = recordClientEvents(join(host.port, 'Alice'));
	assert.deepEqual(await second.next('closed'), {
		type: 'closed',
		code: 'name-taken',
		message: `the name Alice is already in use on 127.0.0.1:${host.port}`,
	});
	assert.equal(second.all('welcome').length, 0);
});

test('an invalid name closes the session with the rule it broke', async (t) => {
	const host = await hostForTest(t);
	const client = recordClientEvents(join(host.port, 'x:y'));
	const closed = await client.next('closed');
	assert.equal(closed.code, 'name-invalid');
	assert.equal(closed.message, "invalid name x:y: it contains ':'");
});

test('a port nobody listens on: connection refused, no retry', async () => {
	const port = await closedPort();
	const client = recordClientEvents(join(port, 'alice'));
	assert.deepEqual(await client.next('closed'), {
		type: 'closed',
		code: 'ECONNREFUSED',
		message: `could not connect to 127.0.0.1:${port}: connection refused`,
	});
	assert.equal(
		client.all('state').some((event) => event.state === 'reconnecting'),
		false,
	);
});

test('an unknown host closes the session with one sentence', async () => {
	const client = recordClientEvents(join(21_567, 'alice', 'nohost.invalid'));
	const closed = await client.next('closed');
	// Offline machines answer EAI_AGAIN instead of ENOTFOUND; both say the host is unknown.
	assert.match(closed.message, /^unknown host nohost\.invalid\b/);
});

test('a text past the whole-message limit fails locally and nothing is sent', async (t) => {
	const host = await hostForTest(t);
	const {client: aliceClient, events: alice} = await loggedIn(host.port, 'alice');
	const {events: bob} = await loggedIn(host.port, 'bob');

	// 9,000 characters now travel in parts (client-long-messages.test.ts); 70,000 bytes do not.
	const long = aliceClient.send('bob', 'x'.repeat(70_000));
	const failed = await alice.next('failed');
	assert.equal(failed.ref, long);
	assert.equal(failed.code, 'too-long');
	assert.match(failed.reason, /too long to send: 70000 bytes, and a message holds at most 65536/);

	// The next message arrives first: the long one never went out, not even cut short.
	aliceClient.send('bob', 'short');
	assert.equal((await bob.next('message')).text, 'short');
	assert.equal(bob.all('message').length, 1);
});

test('sends after the session closed fail with a reason', async () => {
	const client = join(1, 'alice', 'nohost.invalid');
	const log = recordClientEvents(client);
	await log.next('closed');
	const ref = client.send('bob', 'late');
	const failed = await log.next('failed');
	assert.equal(failed.ref, ref);
	assert.match(failed.reason, /not sent/);
});

test('a message sent before the login goes out once logged in', async (t) => {
	const host = await hostForTest(t);
	const bob = recordClientEvents(join(host.port, 'bob'));
	await bob.next('welcome');
	const aliceClient = join(host.port, 'alice');
	const ref = aliceClient.send('bob', 'early');
	const alice = recordClientEvents(aliceClient);
	assert.equal((await alice.next('delivered')).ref, ref);
	assert.equal((await bob.next('message')).text, 'early');
});

test('a host that accepts but never answers the login is named as such', async (t) => {
	const silent = net.createServer(() => undefined);
	await new Promise<void>((resolve) => {
		silent.listen(0, '127.0.0.1', resolve);
	});
	t.after(async () => {
		silent.close();
	});
	const {port} = silent.address() as net.AddressInfo;
	const client = createStructuredClient({
		address: {host: '127.0.0.1', port},
		name: 'alice',
		loginAnswerTimeoutMs: 100,
	});
	const log = recordClientEvents(client);
	assert.equal(
		(await log.next('closed')).message,
		`the host at 127.0.0.1:${port} did not answer the login: is it a chat host?`,
	);
});

test('when reconnecting gives up, every queued message fails with the reason', async () => {
	const host = await startTestHost();
	const client = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
		giveUp: {kind: 'after', ms: 300},
	});
	const log = recordClientEvents(client);
	await log.next('welcome');
	await host.stop();
	await log.next('state', (event) => event.state === 'reconnecting');
	const refs = [client.send('bob', 'one'), client.send('bob', 'two')];
	const closed = await log.next('closed');
	assert.equal(closed.code, 'gave-up');
	assert.match(
		closed.message,
		/^lost the connection to 127\.0\.0\.1:\d+ and could not get it back in \d+ s$/,
	);
	const failed = log.all('failed');
	assert.deepEqual(
		failed.map((event) => event.ref),
		refs,
	);
	for (const event of failed) assert.equal(event.reason, `not sent: ${closed.message}`);
});

test('a host with a password: none, a wrong one and the right one', async (t) => {
	const host = await hostForTest(t, {password: 's3cret'});
	const label = `127.0.0.1:${host.port}`;
	const none = recordClientEvents(join(host.port, 'alice'));
	assert.deepEqual(await none.next('closed'), {
		type: 'closed',
		code: 'password-required',
		message: `the host at ${label} needs a password: set CHAT_PASSWORD`,
	});

	const wrongClient = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
		password: 'guess',
	});
	clients.push(wrongClient);
	const wrong = recordClientEvents(wrongClient);
	assert.deepEqual(await wrong.next('closed'), {
		type: 'closed',
		code: 'password-wrong',
		message: `wrong password for ${label}`,
	});

	const rightClient = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
		password: 's3cret',
	});
	clients.push(rightClient);
	assert.equal((await recordClientEvents(rightClient).next('welcome')).name, 'alice');
});
