// Waits, through a structured watcher logged in to one host of a cluster, until that host knows
// every one of some names (their JOIN reached it through Redis), or until it has seen them leave.
import net from 'node:net';
import {withDeadline} from './deferred.js';

const WATCH_DEADLINE_MS = 60_000;

type Watch = {
	/** Resolves once every name is in the host's roster or joined since. */
	known(names: readonly string[]): Promise<void>;
	/** Resolves once every name has left. */
	gone(names: readonly string[]): Promise<void>;
	close(): void;
};

export async function watchHost(port: number, name: string): Promise<Watch> {
	const socket = net.connect({host: '127.0.0.1', port});
	socket.setEncoding('utf8');
	const present = new Set<string>();
	let wake: (() => void) | undefined;
	let tail = '';
	socket.on('data', (chunk: string) => {
		const lines = (tail + chunk).split('\n');
		tail = lines.pop() ?? '';
		for (const line of lines) {
			const [verb, ...rest] = line.split(' ');
			// A silent watcher must still answer the host's PING, or it is cut off mid-bench.
			if (verb === 'PING') socket.write(`PONG ${rest.join(' ')}\n`);
			else if (verb === 'USERS' || verb === 'JOIN') for (const each of rest) present.add(each);
			else if (verb === 'LEAVE') for (const each of rest) present.delete(each);
		}

		wake?.();
	});
	socket.on('error', () => {});
	await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
	socket.write(`HELLO 1 ${name}\n`);
	const until = async (ready: () => boolean, what: string): Promise<void> =>
		withDeadline(
			new Promise<void>((resolve) => {
				const check = (): void => {
					if (ready()) resolve();
					else wake = check;
				};

				check();
			}),
			WATCH_DEADLINE_MS,
			what,
		);

	return {
		known: async (names) =>
			until(() => names.every((each) => present.has(each)), 'the cluster to know every user'),
		gone: async (names) =>
			until(() => names.every((each) => !present.has(each)), 'the users of a killed host to leave'),
		close() {
			socket.end('QUIT\n');
		},
	};
}
