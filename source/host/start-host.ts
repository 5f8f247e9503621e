// Starts the relay: listens, admits connections within the per-address cap and the host's socket
// budget, and stops cleanly, telling every client why (docs/protocol.md).

import net, {type Server, type Socket} from 'node:net';
import {PLAIN_SHUTDOWN} from '../protocol/plain-face.js';
import {encodeCoded} from '../protocol/structured-messages.js';
import {AddressCaps} from './address-caps.js';
import {destroyAfterDeadline} from './connection-end.js';
import {Connection} from './connection.js';
import {type HostOptions, resolveHostOptions} from './host-options.js';
import {Relay} from './relay.js';
import {SocketBudget} from './socket-budget.js';
import {TlsHandshakes} from './tls-handshakes.js';
import {createTlsServer} from './tls-server.js';

export type RunningHost = {
	/** The port it listens on (the one it got, when asked for 0). */
	port: number;
	/** The address it listens on. */
	address: string;
	/** Counts for tests and the robustness checks: open connections and known users. */
	stats(): {connections: number; users: number};
	/** Tells every client the host is stopping, closes every connection and the server. */
	close(): Promise<void>;
};

/** Why `admit` refused a socket: its address is at its cap, or the host is out of room. */
type Refusal = 'address' | 'host';

export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
	const settings = resolveHostOptions(options);
	const relay = new Relay(settings);
	const caps = new AddressCaps(settings.maxPerAddress);
	const sockets = new SocketBudget(settings.maxConnections);

	// Counted when TCP accepts, so a connection holds its place from its first byte (during a
	// TLS handshake too) until its socket closes. Undefined: admitted; else the refusal's reason.
	const admit = (socket: Socket, address: string): Refusal | undefined => {
		sockets.opened(socket);
		if (!caps.admit(address)) return 'address';
		// One handler for every socket; the address it was counted under is cached on the socket.
		socket.on('close', release);
		// Out of room, the connection that has waited longest to log in makes way; logged-in users
		// are never cut for a newcomer, who is refused instead.
		if (sockets.over && !relay.preLogin.evictOldest()) return 'host';
		return undefined;
	};

	function release(this: Socket): void {
		caps.release(this.remoteAddress ?? 'unknown');
	}

	const onConnection = (socket: Socket, admitted = false): void => {
		const address = socket.remoteAddress ?? 'unknown';
		if (relay.closing) {
			socket.destroy();
			return;
		}

		const refusal = admitted ? undefined : admit(socket, address);
		if (refusal !== undefined) {
			refuseOverCap(relay, socket, address, refusal, sockets.over);
			return;
		}

		// It adds itself to relay.connections, and leaves when its socket closes.
		new Connection(relay, socket, address);
	};

	const handshakes = new TlsHandshakes(relay.preLogin);
	const server = settings.createServer
		? settings.createServer(onConnection)
		: settings.tls
			? createTlsServer(settings.tls, settings.loginTimeoutMs, {
					// Before the handshake no refusal line can be read, so an over-cap socket is just closed.
					admit(raw) {
						const address = raw.remoteAddress ?? 'unknown';
						const refusal = admit(raw, address);
						if (refusal === undefined) {
							handshakes.started(raw);
							return true;
						}

						relay.log(refusalLog(address, refusal));
						return false;
					},
					onSecureConnection(socket) {
						handshakes.finished(socket);
						onConnection(socket, true);
					},
				})
			: net.createServer({allowHalfOpen: true}, onConnection);
	// A listen that fails is the caller's to explain (run-host.ts): reject, log nothing.
	await listen(server, settings.port, settings.bind);
	// A failing accept (EMFILE …) must not stop the host; the log says what happened.
	server.on('error', (error) => {
		relay.log(`server error: ${error.message}`);
	});
	const bound = server.address() as net.AddressInfo;

	let closing: Promise<void> | undefined;
	return {
		port: bound.port,
		address: bound.address,
		stats: () => ({connections: relay.connections.size, users: relay.directory.size}),
		close() {
			closing ??= shutDown(relay, server);
			return closing;
		},
	};
}

function listen(server: Server, port: number, bind: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, bind, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/** `now`: the host is out of room, so the socket is closed right after its line, not given
 * CLOSE_DEADLINE_MS to read it. */
function refuseOverCap(
	relay: Relay,
	socket: Socket,
	address: string,
	refusal: Refusal,
	now: boolean,
): void {
	relay.log(refusalLog(address, refusal));
	socket.on('error', ignore);
	const reason =
		refusal === 'host' ? 'the host is full; try again' : `too many connections from ${address}`;
	socket.end(encodeCoded('REFUSED', 'too-many-connections', reason) + '\n');
	if (now) socket.destroy();
	else destroyAfterDeadline(socket);
}

function refusalLog(address: string, refusal: Refusal): string {
	return `refused ${address}: too-many-connections${refusal === 'host' ? ' (the host is full)' : ''}`;
}

async function shutDown(relay: Relay, server: Server): Promise<void> {
	relay.closing = true;
	const serverClosed = new Promise<void>((resolve) => {
		server.close(() => resolve());
	});
	// What is queued goes out first, so the results it produces reach their senders too.
	relay.news.flushNow();
	relay.scheduler.flushNow();
	const closed: Array<Promise<void>> = [];
	for (const connection of relay.connections) {
		const line =
			connection.face === 'structured'
				? encodeCoded('BYE', 'shutdown', 'the host is shutting down')
				: PLAIN_SHUTDOWN;
		closed.push(connection.whenClosed());
		connection.close('shutdown', line);
	}

	for (const user of relay.directory.all()) {
		if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
		user.graceTimer = undefined;
	}

	await Promise.all(closed);
	await serverClosed;
}

function ignore(): void {}
