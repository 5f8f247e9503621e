// A netcat-style plain client and this client chat both ways, each in its own form.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {loginPlain} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const CTIME = String.raw`\w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}`;

test('a plain netcat user and the structured client chat both ways', async (t) => {
	const host = await startTestHost();
	const nc = await loginPlain(host.port, 'nc');
	const aliceClient = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
	});
	t.after(async () => {
		nc.destroy();
		await aliceClient.quit();
		await host.stop();
	});
	const alice = recordClientEvents(aliceClient);
	const welcome = await alice.next('welcome');
	assert.deepEqual([...welcome.users].sort(), ['alice', 'nc']);

	const ref = aliceClient.send('nc', 'hello netcat, ünïcödé too');
	assert.equal((await alice.next('delivered')).ref, ref);
	assert.match(
		await nc.nextLine(),
		new RegExp(String.raw`^\[${CTIME}\] alice: hello netcat, ünïcödé too$`),
	);

	// No `to:` needed: the plain user's partner is now the latest sender.
	nc.send('hi alice, from nc');
	const reply = await alice.next('message');
	assert.deepEqual(
		{from: reply.from, to: reply.to, text: reply.text},
		{from: 'nc', to: 'alice', text: 'hi alice, from nc'},
	);

	// A second exchange, the netcat user choosing explicitly this time.
	nc.send('to:alice');
	nc.send('still there?');
	assert.equal((await alice.next('message')).text, 'still there?');
	aliceClient.send('nc', 'yes');
	assert.match(await nc.nextLine(), new RegExp(String.raw`^\[${CTIME}\] alice: yes$`));
	assert.equal(alice.all('message').length, 2);

	nc.send('quit');
	assert.deepEqual(await alice.next('user-left'), {type: 'user-left', name: 'nc'});
});
