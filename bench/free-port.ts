// A free loopback port for a server that cannot be told to pick its own (ngircd).
import net from 'node:net';

export async function findFreePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Resolves once something accepts TCP connections on `port`, or rejects at the deadline. */
export async function waitUntilListening(port: number, deadlineMs: number): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		const accepted = await new Promise<boolean>((resolve) => {
			const socket = net.connect({host: '127.0.0.1', port});
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (accepted) return;
		if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
