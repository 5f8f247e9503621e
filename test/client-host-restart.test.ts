// A host that stops and starts again on the same port: the client hears the shutdown, keeps
// trying, and is back once the host is.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createStructuredClient} from '../source/client/structured-client.js';
import {GRACE_MARGIN_MS} from '../source/client/limits.js';
import {GIVE_UP_NEVER} from '../source/client/reconnect-policy.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {loginStructured} from './helpers/raw-client.js';
import {startHost} from '../source/host/start-host.js';

async function hostOn(port: number) {
	return startHost({log: () => undefined, port, bind: '127.0.0.1'});
}

test('a stopping host tells the client, which reconnects when it is back', async (t) => {
	const first = await hostOn(0);
	const {port} = first;
	const client = createStructuredClient({address: {host: '127.0.0.1', port}, name: 'alice'});
	const events = recordClientEvents(client);
	await events.next('welcome');
	await first.close();
	assert.deepEqual(await events.next('host-shutdown'), {
		type: 'host-shutdown',
		message: 'the host is shutting down',
	});
	await events.next('state', (event) => event.state === 'reconnecting');
	const second = await hostOn(port);
	t.after(async () => {
		await client.quit();
		await second.close();
	});
	assert.deepEqual((await events.next('welcome')).users, ['alice']);
});

test('a name taken while the host restarted: the client explains, keeps trying, and gets it back', async (t) => {
	// A short grace, so the test shows the client still trying after grace and margin are over.
	const first = await startHost({
		log: () => undefined,
		port: 0,
		bind: '127.0.0.1',
		resumeGraceMs: 1000,
	});
	const {port} = first;
	const client = createStructuredClient({
		address: {host: '127.0.0.1', port},
		name: 'alice',
		giveUp: GIVE_UP_NEVER,
		// No jitter: the first retry comes after RECONNECT_INITIAL_DELAY_MS, not sooner.
		random: () => 0,
	});
	const events = recordClientEvents(client);
	await events.next('welcome');
	await first.close();
	await events.next('state', (event) => event.state === 'reconnecting');
	const second = await hostOn(port);
	t.after(async () => {
		await client.quit();
		await second.close();
	});
	// Someone else takes the name before the client is back.
	const other = await loginStructured(port, 'alice');
	const taken = await events.next('state', (event) => event.why !== undefined);
	assert.equal(
		taken.why,
		`the name alice is in use on 127.0.0.1:${port} (taken while you were away?)`,
	);
	assert.ok((taken.retryAt ?? 0) > Date.now() - 1000);
	// Past the old grace period and its margin it still tries, and has not closed.
	const deadline = Date.now() + 1000 + GRACE_MARGIN_MS;
	while (Date.now() < deadline)
		await events.next('state', (event) => event.why !== undefined, 20_000);
	assert.deepEqual(events.all('closed'), []);
	other.send('QUIT');
	await other.closed;
	client.reconnect();
	assert.deepEqual((await events.next('welcome', undefined, 20_000)).users, ['alice']);
});
