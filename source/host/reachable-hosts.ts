// Which of the addresses `chat host` would print really accept a connection: each is tried once,
// from this machine, so an address of a family the host does not listen on, or one a local
// firewall closes, is never offered to others.

import net from 'node:net';

/** A connection to one of this machine's own addresses is answered at once; one that has not
 * been answered by then is not an address to give others. */
const PROBE_TIMEOUT_MS = 1000;

/** The hosts of `hosts` that accept a TCP connection on `port`, in their order. */
export async function reachableHosts(hosts: readonly string[], port: number): Promise<string[]> {
	const answers = await Promise.all(hosts.map(async (host) => accepts(host, port)));
	return hosts.filter((_host, index) => answers[index]);
}

async function accepts(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({host, port});
		const done = (accepted: boolean) => {
			socket.destroy();
			resolve(accepted);
		};

		socket.setTimeout(PROBE_TIMEOUT_MS, () => {
			done(false);
		});
		socket.once('connect', () => {
			done(true);
		});
		socket.once('error', () => {
			done(false);
		});
	});
}
