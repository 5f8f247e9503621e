// One TCP connection: framing, the rate gate, the outbound queue, the login and keepalive timers,
// and the one way it ends (`close`). What a line means is up to the login and the face sessions.

import type {Socket} from 'node:net';
import {CLOSE_DEADLINE_MS, MAX_LINE_BYTES, PLAIN_KEEPALIVE_MS} from '../protocol/limits.js';
import {LineFramer} from '../protocol/line-framer.js';
import {PLAIN_LINE_TOO_LONG, PLAIN_SLOW_DOWN, plainDisconnected} from '../protocol/plain-face.js';
import {encodeCoded, encodePing} from '../protocol/structured-messages.js';
import {handleFirstLine} from './login.js';
import {Keepalive, type KeepaliveSink} from './keepalive.js';
import {LineGate, type LineGateSink} from './line-gate.js';
import {OutboundQueue, type QueueOwner} from './outbound-queue.js';
import {handlePlainLine} from './plain-session.js';
import {userAway, userLeft} from './presence.js';
import type {Relay} from './relay.js';
import {handleStructuredLine} from './structured-session.js';
import {TokenBucket} from './token-bucket.js';
import type {Face, User} from './user.js';

/** Why a connection ends; it decides what others see (docs/protocol.md "Resume"). */
export type CloseReason =
	| 'quit'
	| 'refused'
	| 'dropped'
	| 'ping-timeout'
	| 'flood'
	| 'slow-consumer'
	| 'replaced'
	| 'shutdown';

/** Network trouble, not a decision to leave: a structured user may still resume. */
const AWAY_REASONS = new Set<CloseReason>(['dropped', 'ping-timeout']);

export class Connection implements LineGateSink, QueueOwner, KeepaliveSink {
	readonly relay: Relay;
	readonly socket: Socket;
	readonly address: string;
	readonly queue: OutboundQueue;
	/** Undefined until the first line decides the face. */
	face: Face | undefined;
	user: User | undefined;
	closed = false;
	/** Resolves when the socket is fully closed. */
	readonly whenClosed: Promise<void>;
	readonly #framer: LineFramer;
	readonly #gate: LineGate;
	#loginTimer: NodeJS.Timeout | undefined;
	#keepalive: Keepalive | undefined;
	#peerEnded = false;

	constructor(relay: Relay, socket: Socket, address: string) {
		this.relay = relay;
		this.socket = socket;
		this.address = address;
		const {settings} = relay;
		this.queue = new OutboundQueue(socket, relay.scheduler, settings.maxOutboundBytes, this, relay);
		this.#framer = new LineFramer(MAX_LINE_BYTES, this.#onLine, this.#onOverflow);
		const bucket =
			settings.rate > 0 ? new TokenBucket(settings.rate, settings.burst, Date.now()) : undefined;
		this.#gate = new LineGate(bucket, settings.floodDisconnectMs, this);
		this.whenClosed = new Promise((resolve) => {
			socket.once('close', () => {
				this.close('dropped');
				resolve();
			});
		});
		socket.setNoDelay(true);
		// A netcat user cannot answer PING; TCP keepalive finds a half-open plain connection.
		socket.setKeepAlive(true, PLAIN_KEEPALIVE_MS);
		socket.on('data', this.#onData);
		socket.on('end', this.#onEnd);
		socket.on('error', this.#onError);
		this.#loginTimer = setTimeout(this.#loginTimedOut, settings.loginTimeoutMs);
	}

	/** Called by the login once a name is registered. */
	loggedIn(user: User, face: Face): void {
		this.user = user;
		this.face = face;
		clearTimeout(this.#loginTimer);
		this.#loginTimer = undefined;
		this.#gate.refill();
		if (face === 'structured') {
			const {pingAfterSilenceMs, pongTimeoutMs} = this.relay.settings;
			this.#keepalive = new Keepalive(pingAfterSilenceMs, pongTimeoutMs, this);
			this.#keepalive.start();
		}
	}

	/** A line for this client that tells why the connection ends, in its face's form. */
	farewell(code: string, reason: string): string {
		return this.face === 'structured'
			? encodeCoded('BYE', code, reason)
			: plainDisconnected(reason);
	}

	/** Ends the connection once; `lastLine` is sent first if the socket still takes data. */
	close(reason: CloseReason, lastLine?: string): void {
		if (this.closed) return;
		this.closed = true;
		clearTimeout(this.#loginTimer);
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
		if (user !== undefined && user.connection === this) this.#release(user, reason);
		if (undelivered.length > 0) this.#failUndelivered(undelivered, reason, user);
		if (reason === 'dropped') {
			socket.destroy();
		} else {
			socket.end();
			destroyAfterDeadline(socket);
		}
	}

	#release(user: User, reason: CloseReason): void {
		if (user.face === 'structured' && AWAY_REASONS.has(reason)) userAway(this.relay, user, reason);
		else userLeft(this.relay, user, reason);
	}

	#failUndelivered(
		undelivered: ReturnType<OutboundQueue['close']>,
		reason: CloseReason,
		user?: User,
	): void {
		const name = user?.name ?? 'the user';
		if (reason === 'replaced' && user !== undefined) {
			// Never cut, only moved: the new connection gets them after the roster.
			user.held.unshift(...undelivered);
			return;
		}

		if (reason === 'slow-consumer') {
			const why = `${name} was not reading messages and was disconnected`;
			this.relay.failDeliveries(undelivered, 'slow-consumer', why);
		} else {
			const why = `${name} left before the message was handed on`;
			this.relay.failDeliveries(undelivered, 'user-left', why);
		}
	}

	// --- the line path ---

	readonly #onData = (chunk: Buffer): void => {
		this.#framer.push(chunk);
	};

	readonly #onLine = (line: string): void => {
		if (line.length > 0) this.#gate.offer(line);
	};

	gateLine(line: string): void {
		this.#keepalive?.heard(Date.now());
		try {
			if (this.face === undefined) handleFirstLine(this, line);
			else if (this.user === undefined) return;
			else if (this.face === 'plain') handlePlainLine(this, this.user, line);
			else handleStructuredLine(this, this.user, line);
		} catch (error) {
			// A bug costs this client one line, never the host.
			this.relay.log(`error handling a line from ${this.address}: ${String(error)}`);
			if (!this.closed)
				this.queue.push(this.#notice('bad-command', 'the host could not handle that line'));
		}
	}

	readonly #onOverflow = (): void => {
		this.queue.push(
			this.face === 'structured'
				? encodeCoded(
						'ERROR',
						'line-too-long',
						`the line passed ${MAX_LINE_BYTES} bytes and was discarded`,
					)
				: PLAIN_LINE_TOO_LONG,
		);
	};

	#notice(code: string, reason: string): string {
		return this.face === 'structured' ? encodeCoded('ERROR', code, reason) : reason;
	}

	// --- the rate gate ---

	gatePause(): void {
		this.socket.pause();
	}

	gateResume(): void {
		if (this.#peerEnded) this.close('dropped');
		else if (!this.closed) this.socket.resume();
	}

	gateThrottled(): void {
		this.queue.push(
			this.face === 'structured'
				? encodeCoded('ERROR', 'flood', 'you are sending too fast: slow down')
				: PLAIN_SLOW_DOWN,
		);
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

	readonly #loginTimedOut = (): void => {
		this.#loginTimer = undefined;
		const seconds = this.relay.settings.loginTimeoutMs / 1000;
		const reason = `no login within ${seconds} s`;
		this.relay.log(`refused ${this.address}: login-timeout`);
		// Before the first line the face is unknown; the structured form reads well in nc too.
		const line =
			this.face === 'plain'
				? plainDisconnected(reason)
				: encodeCoded('REFUSED', 'login-timeout', reason);
		this.close('refused', line);
	};

	readonly #onEnd = (): void => {
		// Lines still waiting on the rate limit are handled first; then the connection ends.
		this.#peerEnded = true;
		if (this.#gate.idle) this.close('dropped');
	};

	readonly #onError = (): void => {
		// ECONNRESET, EPIPE, …: routine; the connection is simply gone.
		this.close('dropped');
	};
}

/** After `end()`: reads (and drops) what still comes so the peer's FIN is seen; a peer that
 * never closes its side, or never reads, is cut off after CLOSE_DEADLINE_MS. */
export function destroyAfterDeadline(socket: Socket): void {
	socket.resume();
	const timer = setTimeout(destroySocket, CLOSE_DEADLINE_MS, socket);
	socket.once('close', () => {
		clearTimeout(timer);
	});
}

function destroySocket(socket: Socket): void {
	socket.destroy();
}
