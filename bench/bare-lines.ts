// What both bare relays do with their sockets: UTF-8 lines cut at `\n`, the first one a login
// with that name and each later one handed to the relay, on loopback, printing
// `listening <port>` for the bench (running-server.ts), and ending with the bench.
import net from 'node:net';
import process from 'node:process';

export type BareUser = {name: string; socket: net.Socket};

export type BareRelay<User extends BareUser> = {
	joined(name: string, socket: net.Socket): User;
	line(user: User, line: string): void;
	left(user: User): void;
};

export function serveBareLines<User extends BareUser>(relay: BareRelay<User>): void {
	const server = net.createServer((socket) => {
		let user: User | undefined;
		let pending = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				if (user) relay.line(user, line);
				else user = relay.joined(line, socket);
			}
		});
		socket.on('error', () => socket.destroy());
		socket.on('close', () => {
			if (user) relay.left(user);
		});
	});
	server.listen(0, '127.0.0.1', () => {
		console.log(`listening ${(server.address() as net.AddressInfo).port}`);
	});
	process.on('SIGTERM', () => process.exit(0));
	process.stdin.resume().on('end', () => process.exit(0)); // Dies with the bench.
}
