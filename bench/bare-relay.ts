// The runtime's ceiling: the relay a person would write in Node in a few minutes, with no
// checks. First line = name, `to:NAME` picks the partner, any other line goes to the partner as
// `name: text`. One socket.write per relayed line, as such a relay would do.
import net from 'node:net';

type User = {name: string; socket: net.Socket; partner?: string};
const users = new Map<string, User>();

const server = net.createServer((socket) => {
	// socket.setNoDelay(true);
	let user: User | undefined;
	let pending = '';
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => {
		const lines = (pending + chunk).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			if (!user) {
				user = {name: line, socket};
				users.set(line, user);
				socket.write('Welcome!\n');
			} else if (line.startsWith('to:')) user.partner = line.slice(3);
			else if (line === 'quit') socket.end('quit\n');
			else users.get(user.partner ?? '')?.socket.write(`${user.name}: ${line}\n`);
		}
	});
	socket.on('error', () => socket.destroy());
	socket.on('close', () => {
		if (user) users.delete(user.name);
	});
});

server.listen(0, '127.0.0.1', () => {
	console.log(`listening ${(server.address() as net.AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));
process.stdin.resume().on('end', () => process.exit(0)); // Dies with the bench.
