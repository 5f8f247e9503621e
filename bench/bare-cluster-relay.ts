// The floor of a relay between hosts through Redis: the bare relay's plain routing
// (bare-relay.ts) with no checks, and a user on another process reached through that process's
// own channel. A login sets `name → process` in a hash and `to:NAME` looks it up once; the
// lines of one event-loop turn for a process go as one `PUBLISH` of `name\nline` pairs, with no
// node-redis timeout (a timer per command). No results, no leases, no roster: the least work any
// relay through Redis does. Run two or more against one Redis: `bare-cluster-relay.ts URL`.
import {randomUUID} from 'node:crypto';
import process from 'node:process';
import {createClient} from 'redis';
import {serveBareLines, type BareUser} from './bare-lines.js';

const url = process.argv[2];
if (url === undefined) throw new Error('usage: bare-cluster-relay.ts redis://HOST:PORT');
const USERS = 'bare:users';
const self = randomUUID();
const commands = createClient({url});
const subscriber = commands.duplicate();
await Promise.all([commands.connect(), subscriber.connect()]);
const publisher = commands.withCommandOptions({timeout: 0});

/** What waits for the end of this turn, by the channel of the process it goes to. */
const outboxes = new Map<string, string>();
function publishAll(): void {
	for (const [host, payload] of outboxes) void publisher.publish(host, payload);
	outboxes.clear();
}

type User = BareUser & {route?: Promise<(line: string) => void>};
const users = new Map<string, User>();

/** How a line reaches `name`: its socket here, or its process's channel. */
async function routeTo(name: string): Promise<(line: string) => void> {
	const local = users.get(name);
	if (local) return (line) => local.socket.write(line);
	const host = await commands.hGet(USERS, name);
	if (!host) return () => undefined;
	return (line) => {
		const waiting = outboxes.get(host);
		if (waiting === undefined) setImmediate(publishAll);
		outboxes.set(host, `${waiting ?? ''}${name}\n${line}`);
	};
}

await subscriber.subscribe(self, (payload) => {
	const lines = payload.split('\n');
	for (let index = 0; index + 1 < lines.length; index += 2) {
		users.get(lines[index] ?? '')?.socket.write(`${lines[index + 1] ?? ''}\n`);
	}
});

serveBareLines<User>({
	joined(name, socket) {
		const user: User = {name, socket};
		users.set(name, user);
		void commands.hSet(USERS, name, self).then(() => socket.write('Welcome!\n'));
		return user;
	},
	line(user, line) {
		if (line.startsWith('to:')) user.route = routeTo(line.slice(3));
		else if (line === 'quit') user.socket.end('quit\n');
		else {
			const relayed = `${user.name}: ${line}\n`;
			void user.route?.then((send) => send(relayed));
		}
	},
	left(user) {
		users.delete(user.name);
	},
});
