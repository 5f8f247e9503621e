import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {leaveAll, logInAll} from '../bench/bench-user.js';
import {plainFace} from '../bench/relay-faces.js';

test('logInAll keeps users in the order of their names when logins finish out of order', async () => {
	// Answers later logins first, as a busy relay may.
	const server = net.createServer((socket) => {
		socket.once('data', (chunk) => {
			const name = chunk.toString().trim();
			setTimeout(() => socket.write('Welcome!\n'), name.endsWith('0') ? 30 : 1);
		});
		socket.on('data', (chunk) => {
			if (chunk.toString().includes('quit')) socket.end('quit\n');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	try {
		const names = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
		const users = await logInAll(port, plainFace, names, 4);
		assert.deepEqual(
			users.map((user) => user.name),
			names,
		);
		await leaveAll(users, plainFace);
	} finally {
		server.close();
	}
});
