// Starts the relay: listens, admits connections within the per-address cap and the host's socket
// budget, and stops cleanly, telling every client why (docs/protocol.md).

import net, {type Server, type Socket} from 'node:net';
import {
	MAX_LOGIN_RATE_ADDRESSES,
	MAX_PASSWORD_FAILURE_ADDRESSES,
	MAX_PASSWORD_TRIES_WAITING,
	NAME_SWEEP_INTERVAL_MS,
	PASSWORD_FAILURE_MEMORY_MS,
} from '../protocol/limits.js';
import {PLAIN_SHUTDOWN} from '../protocol/plain-face.js';
import {encodeCoded} from '../protocol/structured-messages.js';
import {AddressCaps} from './connection/address-caps.js';
import {Connection} from './connection/connection.js';
import type {ConnectionHost} from './connection/connection-host.js';
import {DeadlineTimer} from './connection/deadline-timer.js';
import {FlushScheduler} from './connection/flush-scheduler.js';
import {PreLoginCap} from './connection/pre-login-cap.js';
import {SocketBudget} from './connection/socket-budget.js';
import {destroyAfterDeadline} from './connection/socket-close.js';
import {peerAddress} from './connection/peer-address.js';
import {type HostOptions, type HostSettings, resolveHostOptions} from './host-options.js';
import {listenOn} from './listen-address.js';
import {randomHostIdentity, tlsHostIdentity} from './host-identity.js';
import type {LoginIdentity} from './login/login-link.js';
import {LoginRate} from './login/login-rate.js';
import {PasswordFailures} from './login/password-failures.js';
import {PasswordTurns} from './login/password-turns.js';
import {wireDurableState} from './durable/durable-state.js';
import {MemoryUserState} from './relay/memory-user-state.js';
import {releaseUnusedNames} from './relay/name-expiry.js';
import {MemoryNameOwners} from './relay/name-owners.js';
import type {OfflineMail} from './relay/offline-mail.js';
import {Presence} from './relay/presence.js';
import {PresenceNews, type NewsReader} from './relay/presence-news.js';
import {ReadTurns} from './relay/read-turns.js';
import {Relay} from './relay/relay.js';
import {rosterSnapshot} from './relay/roster-snapshot.js';
import type {UserState} from './relay/user-state.js';
import type {ClusterMember} from './cluster/join-cluster.js';
import {TlsHandshakes} from './connection/tls-handshakes.js';
import {StoreNameOwners} from './store/store-name-owners.js';
import {createTlsServer} from './tls/tls-server.js';

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
	const {log} = settings;
	// Loaded only for a cluster: a single host never loads the Redis client.
	const cluster =
		settings.redis === undefined
			? undefined
			: await (
					await import('./cluster/join-cluster.js')
				).joinCluster({
					url: settings.redis,
					ttlMs: settings.clusterHostTtlMs,
					maxHeld: settings.maxHeldMessages,
					log,
				});
	const {host, news, users, stopUpkeep, identity} = wireHost(settings, cluster);
	// Unused names go before anyone can log in, and then once a day.
	const sweepNames = async (): Promise<void> => {
		const released = await releaseUnusedNames({
			owners: identity.owners,
			users,
			expiryMs: settings.nameExpiryMs,
			nowMs: identity.now(),
		});
		for (const owner of released) log(`released ${owner.name}: unused for too long`);
	};

	await sweepNames();
	const sweeps = setInterval(() => {
		sweepNames().catch((error: unknown) => {
			log(`name expiry failed: ${String(error)}`);
		});
	}, NAME_SWEEP_INTERVAL_MS);
	sweeps.unref();
	const caps = new AddressCaps(settings.maxPerAddress);
	const sockets = new SocketBudget(settings.maxConnections);
	let closing: Promise<void> | undefined;

	// Counted when TCP accepts, so a connection holds its place from its first byte (during a
	// TLS handshake too) until its socket closes. Undefined: admitted; else the refusal's reason.
	const admit = (socket: Socket, address: string): Refusal | undefined => {
		sockets.opened(socket);
		if (!caps.admit(address)) return 'address';
		// One handler for every socket; the address it was counted under is cached on the socket.
		socket.on('close', release);
		// Out of room, the connection that has waited longest to log in makes way; logged-in users
		// are never cut for a newcomer, who is refused instead.
		if (sockets.over && !host.preLogin.evictOldest()) return 'host';
		return undefined;
	};

	function release(this: Socket): void {
		caps.release(peerAddress(this));
	}

	const onConnection = (socket: Socket, admitted = false): void => {
		const address = peerAddress(socket);
		if (closing !== undefined) {
			socket.destroy();
			return;
		}

		const refusal = admitted ? undefined : admit(socket, address);
		if (refusal !== undefined) {
			refuseOverCap(log, socket, address, refusal, sockets.over);
			return;
		}

		// It adds itself to host.connections, and leaves when its socket closes.
		new Connection(host, socket, address);
	};

	const handshakes = new TlsHandshakes(host.preLogin);
	const server = settings.createServer
		? settings.createServer(onConnection)
		: settings.tls
			? createTlsServer(settings.tls, settings.loginTimeoutMs, {
					// Before the handshake no refusal line can be read, so an over-cap socket is just closed.
					admit(raw) {
						const address = peerAddress(raw);
						const refusal = admit(raw, address);
						if (refusal === undefined) {
							handshakes.started(raw);
							return true;
						}

						log(refusalLog(address, refusal));
						return false;
					},
					onSecureConnection(socket) {
						handshakes.finished(socket);
						onConnection(socket, true);
					},
				})
			: net.createServer({allowHalfOpen: true}, onConnection);
	// A listen that fails is the caller's to explain (run-host.ts): reject, log nothing.
	try {
		await cluster?.start(host.relay, host.presence);
		await listenOn(server, settings.port, settings.bind, log);
	} catch (error) {
		clearInterval(sweeps);
		stopUpkeep();
		await cluster?.stop();
		throw error;
	}

	// A failing accept (EMFILE …) must not stop the host; the log says what happened.
	server.on('error', (error) => {
		log(`server error: ${error.message}`);
	});
	const bound = server.address() as net.AddressInfo;

	return {
		port: bound.port,
		address: bound.address,
		stats: () => ({connections: host.connections.size, users: users.size}),
		close() {
			clearInterval(sweeps);
			stopUpkeep();
			closing ??= shutDown(host, news, server).then(() => cluster?.stop());
			return closing;
		},
	};
}

/** Everything a host's connections share, wired once: the state seam is its only place of users. */
function wireHost(
	settings: HostSettings,
	cluster: ClusterMember | undefined,
): {
	host: ConnectionHost;
	news: PresenceNews;
	users: UserState;
	stopUpkeep: () => void;
	identity: LoginIdentity;
} {
	const {log, store} = settings;
	const newsReaders = new Set<NewsReader>();
	const readTurns = new ReadTurns();
	// A reader too far behind on the news gets the roster instead: the state seam's users now.
	const news = new PresenceNews(
		() => newsReaders,
		() => rosterSnapshot(users.users()),
	);
	// A cluster keeps its users, held and stored messages and name owners in Redis; otherwise, on a
	// store, held and stored messages and name owners are durable; without either, all in memory.
	const owners =
		settings.owners ??
		cluster?.owners ??
		(store
			? new StoreNameOwners(store.names, (error) => log(`store: ${(error as Error).message}`))
			: new MemoryNameOwners());
	const durable =
		store && cluster === undefined
			? wireDurableState({...settings, store, owners}, news)
			: undefined;
	const users: UserState =
		cluster?.stateFor(news, readTurns) ??
		durable?.users ??
		new MemoryUserState(news, settings.maxHeldMessages);
	const mail: OfflineMail | undefined =
		cluster?.offlineMail({
			owners,
			limits: {messages: settings.maxStoredMessages, bytes: settings.maxStoredBytes},
			expiryDays: settings.messageExpiryDays,
			now: settings.now,
		}) ?? durable?.mail;
	const relay = new Relay(users, {mail, ids: durable?.ids, now: settings.now});
	const presence = new Presence(users, relay, {resumeGraceMs: settings.resumeGraceMs, log});
	const failures = new PasswordFailures({
		delayMs: settings.passwordFailureDelayMs,
		maxDelayMs: settings.passwordFailureMaxDelayMs,
		memoryMs: PASSWORD_FAILURE_MEMORY_MS,
		maxAddresses: MAX_PASSWORD_FAILURE_ADDRESSES,
	});
	const passwordTurns = new PasswordTurns(failures, MAX_PASSWORD_TRIES_WAITING);
	const loginRate = new LoginRate({
		perSecond: settings.loginRate,
		burst: settings.loginBurst,
		maxAddresses: MAX_LOGIN_RATE_ADDRESSES,
	});
	const identity: LoginIdentity = {
		// Over TLS the client checks the certificate itself, so that is what it signs.
		hostId: settings.tls
			? tlsHostIdentity(settings.tls.cert)
			: (settings.hostIdentity ?? randomHostIdentity()),
		owners,
		now: settings.now,
	};
	const host: ConnectionHost = {
		limits: settings,
		scheduler: new FlushScheduler(),
		deadlines: new DeadlineTimer(),
		connections: new Set(),
		preLogin: new PreLoginCap(settings.maxPreLogin),
		newsReaders,
		relay,
		presence,
		readTurns,
		login: {settings, identity, passwordTurns, loginRate, users, presence, news, mail, log},
		session: {users, relay},
		log,
	};
	return {host, news, users, stopUpkeep: () => durable?.upkeep.stop(), identity};
}

/** `now`: the host is out of room, so the socket is closed right after its line, not given
 * CLOSE_DEADLINE_MS to read it. */
function refuseOverCap(
	log: (line: string) => void,
	socket: Socket,
	address: string,
	refusal: Refusal,
	now: boolean,
): void {
	log(refusalLog(address, refusal));
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

async function shutDown(host: ConnectionHost, news: PresenceNews, server: Server): Promise<void> {
	// No news about anyone leaving from here on, and no grace period ends.
	host.presence.stop();
	const serverClosed = new Promise<void>((resolve) => {
		server.close(() => resolve());
	});
	// What is queued goes out first, so the results it produces reach their senders too.
	news.flushNow();
	host.scheduler.flushNow();
	const closed: Array<Promise<void>> = [];
	for (const connection of host.connections) {
		const line =
			connection.face === 'structured'
				? encodeCoded('BYE', 'shutdown', 'the host is shutting down')
				: PLAIN_SHUTDOWN;
		closed.push(connection.whenClosed());
		connection.close('shutdown', line);
	}

	await Promise.all(closed);
	await serverClosed;
}

function ignore(): void {}
