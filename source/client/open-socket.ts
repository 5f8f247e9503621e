// How the client reaches the host. The session only needs "a connected duplex stream", so TLS
// (with fingerprint pinning) can be added as another OpenSocket without touching the session.
import net from 'node:net';
import {CONNECT_TIMEOUT_MS} from './limits.js';

export type HostAddress = {host: string; port: number};

/** Resolves with a connected socket, or rejects with the socket error (its `code` says why). */
export type OpenSocket = (address: HostAddress) => Promise<net.Socket>;

/** Plain TCP, the default on a trusted LAN. */
export const openPlainSocket: OpenSocket = async ({host, port}) =>
	new Promise((resolve, reject) => {
		const socket = net.connect({host, port});
		const fail = (error: Error) => {
			clearTimeout(timer);
			socket.destroy();
			reject(error);
		};

		const timer = setTimeout(() => {
			fail(Object.assign(new Error('connect timed out'), {code: 'ETIMEDOUT'}));
		}, CONNECT_TIMEOUT_MS);
		socket.once('error', fail);
		socket.once('connect', () => {
			clearTimeout(timer);
			socket.off('error', fail);
			socket.setNoDelay(true);
			resolve(socket);
		});
	});
