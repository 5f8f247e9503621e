// The listening server for `chat host --tls…`: node:tls, with the handshake held to the login
// timeout so a connection that never finishes it is freed as fast as one that never logs in.

import type {Socket} from 'node:net';
import tls from 'node:tls';
import type {TlsCredentials} from './tls-credentials.js';

type TlsConnectionHandlers = {
	/** Called as TCP accepts, before the handshake; false closes the socket at once. */
	admit(raw: Socket): boolean;
	/** Called once the handshake is done. */
	onSecureConnection(socket: Socket): void;
};

export function createTlsServer(
	credentials: Pick<TlsCredentials, 'cert' | 'key'>,
	handshakeTimeoutMs: number,
	handlers: TlsConnectionHandlers,
): tls.Server {
	const server = tls.createServer(
		{
			cert: credentials.cert,
			key: credentials.key,
			minVersion: 'TLSv1.2',
			handshakeTimeout: handshakeTimeoutMs,
			// A peer that leaves mid-handshake must not leave a half-open socket nobody owns yet.
			allowHalfOpen: false,
		},
		(socket: Socket) => {
			// Past the handshake a FIN ends only the client's side, as over TCP: the answers to
			// what it sent still go out (docs/protocol.md "Framing").
			socket.allowHalfOpen = true;
			handlers.onSecureConnection(socket);
		},
	);
	server.on('connection', (raw: Socket) => {
		if (!handlers.admit(raw)) raw.destroy();
	});
	// A failed or timed-out handshake (a plain client, a silent scanner) ends that socket only;
	// Node does not destroy it on a handshake timeout by itself.
	server.on('tlsClientError', (_error, socket) => {
		socket.destroy();
	});
	return server;
}
