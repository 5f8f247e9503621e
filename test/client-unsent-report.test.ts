import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createStructuredClient} from '../source/client/structured-client.js';
import {MAX_UNSENT_PREVIEW_CHARS} from '../source/client/limits.js';
import {trackUnsent} from '../source/client/unsent-report.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {loginOwner} from './helpers/keyed-client.js';
import {storeDir} from './helpers/store-dir.js';
import {startStoreHost} from './helpers/store-host.js';

test('messages queued while the host is gone are listed when you quit, with their text', async () => {
	const host = await startTestHost();
	const bob = createStructuredClient({address: {host: '127.0.0.1', port: host.port}, name: 'bob'});
	const alice = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
	});
	const tracked = trackUnsent(alice);
	const log = recordClientEvents(tracked.client);
	const bobLog = recordClientEvents(bob);
	await Promise.all([log.next('welcome'), bobLog.next('welcome')]);

	const deliveredRef = tracked.client.send('bob', 'this one arrives');
	await log.next('delivered', (event) => event.ref === deliveredRef);

	await host.stop();
	await log.next('state', (event) => event.state === 'reconnecting');
	const long = 'x'.repeat(MAX_UNSENT_PREVIEW_CHARS + 50);
	tracked.client.send('bob', 'typed while the host was gone');
	tracked.client.send('bob', long);
	await tracked.client.quit();
	await bob.quit();

	assert.deepEqual(tracked.lines(), [
		'not sent: you left the chat: to bob: typed while the host was gone',
		`not sent: you left the chat: to bob: ${'x'.repeat(MAX_UNSENT_PREVIEW_CHARS)}…`,
	]);
	// The UI's own listener still saw every event, including the ones from before it listened.
	assert.equal(log.all('failed').length, 2);
	assert.equal(log.all('welcome').length, 1);
});

test('the client it hands on sends with the options given: a /me stays an action', async (t) => {
	const host = await startTestHost();
	t.after(async () => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = trackUnsent(
		createStructuredClient({address: {host: '127.0.0.1', port: host.port}, name: 'alice'}),
	);
	t.after(async () => alice.client.quit());
	await bob.waitForLine(/^JOIN alice$/);
	alice.client.send('bob', 'waves', {action: true});
	assert.match(await bob.waitForLine(/^MSG /), / alice bob \S+ kind=action :waves$/);
	bob.destroy();
});

test('a message the host stored for an owner who is offline is not listed as unsent at quit', async (t) => {
	const host = await startStoreHost(t, storeDir());
	const bob = await loginOwner(host.port, 'bob');
	bob.send('QUIT');
	await bob.closed;
	const alice = trackUnsent(
		createStructuredClient({address: {host: '127.0.0.1', port: host.port}, name: 'alice'}),
	);
	const log = recordClientEvents(alice.client);
	t.after(() => {
		log.stop();
	});
	alice.client.send('bob', 'see you tomorrow');
	await log.next('stored');
	await alice.client.quit();
	assert.deepEqual(alice.lines(), []);
	assert.equal(log.events.filter((event) => event.type === 'failed').length, 0);
});
