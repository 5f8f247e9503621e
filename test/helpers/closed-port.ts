// A loopback port that was just free and now has nobody listening: a connection to it is refused.
import net from 'node:net';

export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => {
		server.close(() => {
			resolve();
		});
	});
	return port;
}
