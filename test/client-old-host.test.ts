// Against a host from before message options (its WELCOME says no rate): the chat client sends
// every part as a bare SEND and an action as text, so the old host relays them all.
import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {waitUntil} from './helpers/render-chat.js';

/** An old host: WELCOME without rate=, and every SEND it reads kept, then answered DELIVERED. */
async function oldHost(): Promise<{port: number; sends: string[]; close(): void}> {
	const sends: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		let buffered = '';
		socket.on('data', (chunk) => {
			buffered += chunk.toString('utf8');
			const lines = buffered.split('\n');
			buffered = lines.pop() ?? '';
			for (const line of lines) {
				if (line.startsWith('HELLO '))
					socket.write('WELCOME alice token 60\nUSERS alice bob\nUSERS-END\n');
				if (!line.startsWith('SEND ')) continue;
				sends.push(line);
				const ref = line.split(' ')[1] ?? '';
				socket.write(`DELIVERED ${ref} ${sends.length} 1000\n`);
			}
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		sends,
		close() {
			for (const socket of sockets) socket.destroy();
			server.close();
		},
	};
}

test('an old host gets bare SENDs for parts and an action as text, and results per message', async (t) => {
	const host = await oldHost();
	const client = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
	});
	const log = recordClientEvents(client);
	t.after(() => {
		log.stop();
		void client.quit();
		host.close();
	});
	await log.next('welcome');
	const lines = client.send('bob', 'one\ntwo');
	const action = client.send('bob', 'waves', {action: true});
	await waitUntil(() => host.sends.length === 3, 'three SENDs');
	assert.deepEqual(
		host.sends.map((line) => line.replace(/^SEND \S+ /, '')),
		['bob :one', 'bob :two', 'bob :* alice waves'],
	);
	assert.equal((await log.next('delivered')).ref, lines);
	assert.equal((await log.next('delivered')).ref, action);
});
