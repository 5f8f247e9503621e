// The address a connection comes from, as people read it: a host listening on `::` (IPv6 and
// IPv4 on one socket) sees an IPv4 peer as `::ffff:192.168.1.7`, which is that IPv4 address.

import type {Socket} from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** The peer's address, an IPv4-mapped one as plain IPv4; `unknown` once the socket is gone. */
export function peerAddress(socket: Socket): string {
	const address = socket.remoteAddress;
	if (address === undefined) return 'unknown';
	return IPV4_MAPPED.exec(address)?.[1] ?? address;
}
