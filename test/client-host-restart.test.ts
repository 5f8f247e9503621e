// A host that stops and starts again on the same port: the client hears the shutdown, keeps
// trying, and is back once the host is.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
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
