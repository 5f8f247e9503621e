// Long, multi-line and paced messages over real TCP: the chat client against the real host.
import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import type {ChatClient} from '../source/client/chat-client.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {loginPlain, loginStructured} from './helpers/raw-client.js';
import type {HostOptions} from '../source/host/host-options.js';
import {startTestHost} from './helpers/start-host.js';

const STAMP = /^\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] /;

async function setUp(t: TestContext, options?: HostOptions) {
	const host = await startTestHost(options);
	const clients: ChatClient[] = [];
	t.after(async () => {
		await Promise.all(clients.map(async (client) => client.quit()));
		await host.stop();
	});
	const join = async (name: string) => {
		const client = createStructuredClient({address: {host: '127.0.0.1', port: host.port}, name});
		clients.push(client);
		const events = recordClientEvents(client);
		await events.next('welcome');
		return {client, events};
	};

	return {host, join};
}

/** The whole message `events` got from `from`, joined from its parts as the UI joins them. */
async function wholeMessage(events: ReturnType<typeof recordClientEvents>): Promise<string> {
	let text = '';
	for (;;) {
		const part = await events.next('message');
		text += part.text;
		if (part.more === undefined) return text;
		text += '\n'.repeat(part.more);
	}
}

test('a multi-line message arrives whole on the structured face, a stamped line a line on the plain', async (t) => {
	const {host, join} = await setUp(t);
	const alice = await join('alice');
	const bob = await join('bob');
	const carol = await loginPlain(host.port, 'carol');

	const ref = alice.client.send('bob', 'first\n\n\tsecond\nthird');
	assert.equal(await wholeMessage(bob.events), 'first\n\n\tsecond\nthird');
	assert.equal((await alice.events.next('delivered')).ref, ref);

	alice.client.send('carol', 'one\ntwo\tthree');
	const one = await carol.nextLine();
	const two = await carol.nextLine();
	assert.match(one, STAMP);
	assert.equal(one.replace(STAMP, ''), 'alice: one');
	assert.equal(two.replace(STAMP, ''), 'alice: two\tthree', 'the tab reaches netcat as a tab');
});

test('a 9,000-character line arrives whole, never cut, on both faces', async (t) => {
	const {host, join} = await setUp(t);
	const alice = await join('alice');
	const bob = await join('bob');
	const carol = await loginPlain(host.port, 'carol');
	const long = 'é'.repeat(4500) + 'x'.repeat(4500);

	alice.client.send('bob', long);
	assert.equal(await wholeMessage(bob.events), long);
	const delivered = await alice.events.next('delivered');
	assert.ok(alice.events.all('progress').some((event) => event.ref === delivered.ref));

	alice.client.send('carol', long);
	let joined = '';
	while (joined.length < long.length)
		joined += (await carol.nextLine()).replace(STAMP, '').slice('alice: '.length);
	assert.equal(joined, long);
});

test('an action arrives marked on the structured face and as "* alice waves" on the plain', async (t) => {
	const {host, join} = await setUp(t);
	const alice = await join('alice');
	const bob = await join('bob');
	const carol = await loginPlain(host.port, 'carol');

	alice.client.send('bob', 'waves', {action: true});
	const message = await bob.events.next('message');
	assert.deepEqual([message.text, message.action], ['waves', true]);
	alice.client.send('carol', 'waves', {action: true});
	assert.equal((await carol.nextLine()).replace(STAMP, ''), '* alice waves');
});

test('a raw structured client sees the options on MSG and can send parts itself', async (t) => {
	const {host} = await setUp(t);
	const bot = await loginStructured(host.port, 'bot');
	const dave = await loginStructured(host.port, 'dave');
	bot.send('SEND r1 dave more=1 :line one');
	bot.send('SEND r2 dave :line two');
	assert.match(await dave.waitForLine(/^MSG /), / bot dave r1 more=1 :line one$/);
	assert.match(await dave.waitForLine(/^MSG /), / bot dave r2 :line two$/);
});

test('400 lines in one message are paced: all arrive, in order, and nobody is cut off', async (t) => {
	// A short flood rule makes a client that ignored the rate be cut off within the test.
	const {join} = await setUp(t, {rate: 100, burst: 20, floodDisconnectMs: 1000});
	const alice = await join('alice');
	const bob = await join('bob');
	const lines = Array.from({length: 400}, (_, index) => `line ${index + 1}`);

	const ref = alice.client.send('bob', lines.join('\n'));
	assert.equal(await wholeMessage(bob.events), lines.join('\n'));
	const delivered = await alice.events.next('delivered', (event) => event.ref === ref, 30_000);
	assert.equal(delivered.ref, ref);
	const progress = alice.events.all('progress').map((event) => event.sent);
	assert.equal(progress.at(-1), 399);
	assert.deepEqual(alice.events.all('error'), [], 'the host never had to slow alice down');
	assert.deepEqual(alice.events.all('closed'), []);
});
