// A host started with no --bind listens on IPv6 and IPv4; one on a machine without IPv6 still
// starts, on IPv4; and the addresses it would print are only those that accept a connection.
import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {reachableHosts} from '../source/host/reachable-hosts.js';
import {startHost} from '../source/host/start-host.js';
import {connectRaw} from './helpers/raw-client.js';

/** Whether this machine has an IPv6 loopback to test with. */
async function hasIpv6Loopback(): Promise<boolean> {
	const server = net.createServer();
	return new Promise((resolve) => {
		server.once('error', () => {
			resolve(false);
		});
		server.listen(0, '::1', () => {
			server.close(() => {
				resolve(true);
			});
		});
	});
}

test('a default host takes an IPv6 loopback client and an IPv4 one, logged as plain IPv4', async (t) => {
	if (!(await hasIpv6Loopback())) {
		t.skip('this machine has no IPv6 loopback');
		return;
	}

	const log: string[] = [];
	const host = await startHost({port: 0, log: (line) => log.push(line)});
	t.after(async () => host.close());
	assert.equal(host.address, '::');

	const six = await connectRaw(host.port, {host: '::1'});
	six.send('alice');
	assert.equal(await six.nextLine(), 'Welcome!');
	const four = await connectRaw(host.port);
	four.send('bob');
	assert.equal(await four.nextLine(), 'Welcome!');
	four.send('to:alice');
	four.send('hi over IPv4');
	assert.match(await six.nextLine(), /\] bob: hi over IPv4$/);

	assert.ok(log.includes('login alice (plain) from ::1'), log.join('\n'));
	assert.ok(log.includes('login bob (plain) from 127.0.0.1'), log.join('\n'));
	six.destroy();
	four.destroy();
});

/** A server as on a kernel without IPv6: listening on `::` fails as it does there. */
function serverWithoutIpv6(onConnection: (socket: net.Socket) => void): net.Server {
	const server = net.createServer({allowHalfOpen: true}, onConnection);
	const listen = server.listen.bind(server) as (
		port: number,
		host: string,
		done: () => void,
	) => void;
	const tried: string[] = [];
	Object.assign(server, {
		tried,
		listen(port: number, host: string, done: () => void) {
			tried.push(host);
			if (host.includes(':')) {
				const error = Object.assign(new Error(`listen EAFNOSUPPORT: ${host}`), {
					code: 'EAFNOSUPPORT',
				});
				process.nextTick(() => server.emit('error', error));
				return server;
			}

			listen(port, host, done);
			return server;
		},
	});
	return server;
}

test('with no IPv6 the default host starts on IPv4 and says so in its log', async (t) => {
	const log: string[] = [];
	let server: net.Server | undefined;
	const host = await startHost({
		port: 0,
		log: (line) => log.push(line),
		createServer(onConnection) {
			server = serverWithoutIpv6(onConnection);
			return server;
		},
	});
	t.after(async () => host.close());
	assert.deepEqual((server as unknown as {tried: string[]}).tried, ['::', '0.0.0.0']);
	assert.equal(host.address, '0.0.0.0');
	assert.deepEqual(log, ['no IPv6 on this machine (EAFNOSUPPORT): listening on IPv4 only']);

	const client = await connectRaw(host.port);
	client.send('alice');
	assert.equal(await client.nextLine(), 'Welcome!');
	client.destroy();
});

test('an explicit IPv6 --bind on a machine without IPv6 is not narrowed: it fails', async () => {
	await assert.rejects(
		startHost({port: 0, bind: '::1', createServer: serverWithoutIpv6}),
		/EAFNOSUPPORT/,
	);
});

test('only the addresses that accept a connection are kept, in their order', async (t) => {
	const server = net.createServer((socket) => socket.destroy());
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.after(() => server.close());
	const {port} = server.address() as net.AddressInfo;
	// ::1 refuses: nothing listens there on this port (or there is no IPv6 at all).
	assert.deepEqual(await reachableHosts(['::1', '127.0.0.1', 'localhost'], port), [
		'127.0.0.1',
		'localhost',
	]);
});
