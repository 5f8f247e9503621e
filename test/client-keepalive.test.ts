// The client answers the host's pings, so a quiet session is not taken for a dead one.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {startTestHost} from './helpers/start-host.js';
import {startTcpProxy} from './helpers/tcp-proxy.js';

test('the host pings a quiet client, the client answers, and the session goes on', async (t) => {
	const host = await startTestHost({pingAfterSilenceMs: 50, pongTimeoutMs: 100});
	const proxy = await startTcpProxy(host.port);
	const client = createStructuredClient({
		address: {host: '127.0.0.1', port: proxy.port},
		name: 'quiet',
	});
	t.after(async () => {
		await client.quit();
		await proxy.close();
		await host.stop();
	});
	const log = recordClientEvents(client);
	await log.next('welcome');

	// Six rounds of 50 ms silence span longer than the 100 ms pong timeout: only answered
	// pings keep the connection that long.
	const pingsIn = (text: string) => [...text.matchAll(/^PING (\S+)$/gm)].map((match) => match[1]);
	await proxy.waitForText('toClient', (text) => pingsIn(text).length >= 6);
	const pings = pingsIn(proxy.transcript.toClient);
	await proxy.waitForText('toHost', new RegExp(`PONG ${pings[0]}\\n`));
	assert.doesNotMatch(proxy.transcript.toClient, /BYE ping-timeout/);

	const ref = client.send('quiet', 'note to self');
	assert.equal((await log.next('failed')).ref, ref);
	assert.equal(
		log.all('state').some((event) => event.state === 'reconnecting'),
		false,
	);
	assert.equal(proxy.accepted, 1);
});
