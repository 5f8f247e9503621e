// One TCP connection: framing, the rate gate, the outbound queue, the login and keepalive timers,
// and the one way it ends (`close`). What a line means is up to the login and the face sessions.

import type {Socket} from 'node:net';
import {MAX_LINE_BYTES, PLAIN_KEEPALIVE_MS} from '../protocol/limits.js';
import {LineFramer} from '../protocol/line-framer.js';
import {encodePing} from '../protocol/structured-messages.js';
import {
	type CloseReason,
	destroyAfterDeadline,
	releaseUser,
	settleUndelivered,
} from './connection-end.js';
import {
	farewellLine,
	lineTooLongLine,
	loginTimeoutLine,
	madeWayLine,
	noticeLine,
	slowDownLine,
} from './face-lines.js';
import type {DeadlineEntry} from './deadline-timer.js';
import {handleFirstLine} from './login.js';
import {Keepalive, type KeepaliveSink} from './keepalive.js';
import {LineGate, type LineGateSink} from './line-gate.js';
import {OutboundQueue, type QueueOwner} from './outbound-queue.js';
import {handlePlainLine} from './plain-session.js';
import type {PreLoginEntry} from './pre-login-cap.js';
import type {Relay} from './relay.js';
import {handleStructuredLine} from './structured-session.js';
import {TokenBucket} from './token-bucket.js';
import type {Face, User} from './user.js';

/** Where the shared socket handlers find their connection. */
const CONNECTION = Symbol('chat connection');
type ConnectionSocket = Socket & {[CONNECTION]: Connection};

function connectionOf(socket: Socket): Connection {
	return (socket as ConnectionSocket)[CONNECTION];
}

export class Connection
	implements LineGateSink, QueueOwner, KeepaliveSink, DeadlineEntry, PreLoginEntry
{
	readonly relay: Relay;
	readonly socket: Socket;
	readonly address: string;
	readonly queue: OutboundQueue;
	/** Undefined until the first line decides the face. */
	face: Face | undefined;
	user: User | undefined;
	closed = false;
	readonly #framer: LineFramer;
	readonly #gate: LineGate;
	/** The login deadline, on the relay's DeadlineTimer. */
	deadlineAt = 0;
	deadlineIndex = -1;
	#keepalive: Keepalive | undefined;
	#peerEnded = false;
	#socketClosed = false;
	/** Who waits for the socket to close (only a shutdown does); made when first asked. */
	#closeWaiters: Array<() => void> | undefined;

	constructor(relay: Relay, socket: Socket, address: string) {
		this.relay = relay;
		this.socket = socket;
		this.address = address;
		const {settings} = relay;
		this.queue = new OutboundQueue(socket, relay.scheduler, settings.maxOutboundBytes, this, relay);
		this.#framer = new LineFramer(
			MAX_LINE_BYTES,
			(line) => {
				if (line.length > 0) this.#gate.offer(line);
			},
			() => {
				this.queue.push(lineTooLongLine(this.face));
			},
		);
		const bucket =
			settings.rate > 0 ? new TokenBucket(settings.rate, settings.burst, Date.now()) : undefined;
		this.#gate = new LineGate(bucket, settings.floodDisconnectMs, this);
		relay.connections.add(this);
		relay.preLogin.add(this);
		socket.setNoDelay(true);
		// A netcat user cannot answer PING; TCP keepalive finds a half-open plain connection.
		socket.setKeepAlive(true, PLAIN_KEEPALIVE_MS);
		// The handlers are shared by every connection (no closures per socket: 10,000 idle users
		// each cost only what they must); they find this connection on the socket.
		(socket as ConnectionSocket)[CONNECTION] = this;
		socket.on('data', Connection.#onData);
		socket.on('end', Connection.#onEnd);
		socket.on('error', Connection.#onError);
		socket.on('close', Connection.#onClose);
		relay.deadlines.schedule(this, settings.loginTimeoutMs);
	}

	/** Resolves once the socket is fully closed. */
	whenClosed(): Promise<void> {
		if (this.#socketClosed) return Promise.resolve();
		return new Promise((resolve) => {
			(this.#closeWaiters ??= []).push(resolve);
		});
	}

	/** Called by the login once a name is registered. */
	loggedIn(user: User, face: Face): void {
		this.user = user;
		this.face = face;
		this.relay.deadlines.cancel(this);
		this.relay.preLogin.remove(this);
		this.#gate.refill();
		if (face === 'structured') {
			const {pingAfterSilenceMs, pongTimeoutMs} = this.relay.settings;
			this.#keepalive = new Keepalive(
				pingAfterSilenceMs,
				pongTimeoutMs,
				this,
				this.relay.deadlines,
			);
			this.#keepalive.start();
		}
	}

	/** A line for this client that tells why the connection ends, in its face's form. */
	farewell(code: string, reason: string): string {
		return farewellLine(this.face, code, reason);
	}

	/** Ends the connection once; `lastLine` is sent first if the socket still takes data. */
	close(reason: CloseReason, lastLine?: string): void {
		if (this.closed) return;
		this.closed = true;
		this.relay.deadlines.cancel(this);
		this.relay.preLogin.remove(this);
		this.#keepalive?.stop();
		this.#framer.stop();
		this.#gate.stop();
		const {socket} = this;
		if (lastLine !== undefined) this.queue.push(lastLine);
		// What the socket still takes is handed over (its senders get DELIVERED); the rest fails.
		if (reason !== 'dropped') this.queue.flush();
		const undelivered = this.queue.close();
		if (reason === 'slow-consumer' && lastLine !== undefined) socket.write(lastLine + '\n');
		const user = this.user;
		if (user !== undefined && user.connection === this) releaseUser(this.relay, user, reason);
		settleUndelivered(this.relay, undelivered, reason, user);
		if (reason === 'dropped' || reason === 'evicted') {
			socket.destroy();
		} else {
			socket.end();
			destroyAfterDeadline(socket);
		}
	}

	static #onData(this: Socket, chunk: Buffer): void {
		const connection = connectionOf(this);
		// Any bytes prove the connection alive; noted once a chunk, not once a line.
		connection.#keepalive?.heard(Date.now());
		connection.#framer.push(chunk);
	}

	// --- the line path ---

	gateLine(line: string): void {
		try {
			if (this.face === undefined) handleFirstLine(this, line);
			else if (this.user === undefined) return;
			else if (this.face === 'plain') handlePlainLine(this, this.user, line);
			else handleStructuredLine(this, this.user, line);
		} catch (error) {
			// A bug costs this client one line, never the host.
			this.relay.log(`error handling a line from ${this.address}: ${String(error)}`);
			if (!this.closed)
				this.queue.push(
					noticeLine(this.face, 'bad-command', 'the host could not handle that line'),
				);
		}
	}

	// --- the rate gate ---

	gatePause(): void {
		// The rest of the chunk stays bytes, and the rest of the stream stays in the kernel.
		this.#framer.pause();
		this.socket.pause();
	}

	gateResume(): void {
		// What the framer held is split now; its lines may make the gate wait again.
		if (this.closed || !this.#framer.resume() || this.closed) return;
		if (this.#peerEnded) this.close('ended');
		else this.socket.resume();
	}

	gateThrottled(): void {
		this.queue.push(slowDownLine(this.face));
	}

	gateFlood(): void {
		const seconds = this.relay.settings.floodDisconnectMs / 1000;
		const reason = `you kept sending too fast for ${seconds} s`;
		this.relay.log(`flood from ${this.address}${this.user ? ` (${this.user.name})` : ''}`);
		this.close('flood', this.farewell('flood', reason));
	}

	// --- the outbound queue ---

	queueOverflow(): void {
		this.relay.log(`slow consumer ${this.address}${this.user ? ` (${this.user.name})` : ''}`);
		this.close('slow-consumer', this.farewell('slow-consumer', 'you were not reading messages'));
	}

	// --- keepalive ---

	keepalivePing(token: string): void {
		this.queue.push(encodePing(token));
	}

	keepaliveTimeout(): void {
		const seconds = this.relay.settings.pongTimeoutMs / 1000;
		this.close(
			'ping-timeout',
			this.farewell('ping-timeout', `no answer to PING within ${seconds} s`),
		);
	}

	// --- the socket ending ---

	/** Not logged in yet, and the longest waiting: it makes way for a newcomer (pre-login-cap.ts).
	 * Told why, then closed at once, so that its descriptor is free now. */
	evictPreLogin(): void {
		this.relay.log(`refused ${this.address}: too many connections waiting to log in`);
		this.close('evicted', madeWayLine(this.face));
	}

	/** No login within the login timeout. */
	deadlineReached(): void {
		const {relay} = this;
		relay.log(`refused ${this.address}: login-timeout`);
		const seconds = relay.settings.loginTimeoutMs / 1000;
		this.close('refused', loginTimeoutLine(this.face, seconds));
	}

	static #onEnd(this: Socket): void {
		const connection = connectionOf(this);
		// Lines still waiting on the rate limit are handled first; then the connection ends,
		// once their answers are written (docs/protocol.md "Framing", half-close).
		connection.#peerEnded = true;
		if (connection.#gate.idle && !connection.#framer.paused) connection.close('ended');
	}

	static #onError(this: Socket): void {
		// ECONNRESET, EPIPE, …: routine; the connection is simply gone.
		connectionOf(this).close('dropped');
	}

	static #onClose(this: Socket): void {
		const connection = connectionOf(this);
		connection.close('dropped');
		connection.#socketClosed = true;
		connection.relay.connections.delete(connection);
		const waiters = connection.#closeWaiters;
		connection.#closeWaiters = undefined;
		if (waiters) for (const resolve of waiters) resolve();
	}
}
