// The runtime's ceiling: the relay a person would write in Node in a few minutes, with no
// checks. First line = name, `to:NAME` picks the partner, any other line goes to the partner as
// `name: text`. One socket.write per relayed line, as such a relay would do.
import {serveBareLines, type BareUser} from './bare-lines.js';

type User = BareUser & {partner?: string};
const users = new Map<string, User>();

serveBareLines<User>({
	joined(name, socket) {
		const user: User = {name, socket};
		users.set(name, user);
		socket.write('Welcome!\n');
		return user;
	},
	line(user, line) {
		if (line.startsWith('to:')) user.partner = line.slice(3);
		else if (line === 'quit') user.socket.end('quit\n');
		else users.get(user.partner ?? '')?.socket.write(`${user.name}: ${line}\n`);
	},
	left(user) {
		users.delete(user.name);
	},
});
