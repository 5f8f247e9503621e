// Where the host listens: `::` is every interface, IPv6 and IPv4 on one socket; a machine with
// no IPv6 refuses `::`, and there the host listens on every IPv4 interface instead.

import type {Server} from 'node:net';

/** The default bind: every interface, IPv6 and IPv4 (IPv4 peers arrive IPv4-mapped). */
export const EVERY_INTERFACE = '::';

const EVERY_IPV4_INTERFACE = '0.0.0.0';

/** What listen on `::` fails with where the kernel has IPv6 turned off or left out. */
const NO_IPV6_CODES = new Set(['EAFNOSUPPORT', 'EADDRNOTAVAIL', 'EPROTONOSUPPORT']);

/** Listens on `bind`, or for `::` on a machine without IPv6, on every IPv4 interface. */
export async function listenOn(
	server: Server,
	port: number,
	bind: string,
	log: (line: string) => void,
): Promise<void> {
	try {
		await listenOnce(server, port, bind);
	} catch (error: unknown) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		if (bind !== EVERY_INTERFACE || !NO_IPV6_CODES.has(code)) throw error;
		log(`no IPv6 on this machine (${code}): listening on IPv4 only`);
		await listenOnce(server, port, EVERY_IPV4_INTERFACE);
	}
}

function listenOnce(server: Server, port: number, bind: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, bind, () => {
			server.off('error', reject);
			resolve();
		});
	});
}
