// One TCP connection: framing, the rate gate, the outbound queue, the login and keepalive timers,
// and the one way it ends (`close`). What a line means is up to the login and the face sessions,
// which see the connection only as a LoginLink or a UserLink.

import type {Socket} from 'node:net';
import {MAX_LINE_BYTES, PLAIN_KEEPALIVE_MS} from '../../protocol/limits.js';
import {LineFramer} from '../../protocol/line-framer.js';
import {encodePing} from '../../protocol/structured-messages.js';
import {handleLoginLine} from '../login/first-line.js';
import type {LoginLink} from '../login/login-link.js';
import {LoginState} from '../login/login-state.js';
import {returnUnansweredLogin} from '../login/login-rate-gate.js';
import {leavePasswordLine, waitsForPassword} from '../login/password-gate.js';
import type {CloseReason, Delivery, Face, User} from '../relay/user.js';
import type {PresenceNews} from '../relay/presence-news.js';
import {handlePlainLine} from '../session/plain-session.js';
import {handleStructuredLine} from '../session/structured-session.js';
import type {ConnectionHost, OpenConnection} from './connection-host.js';
import type {DeadlineEntry} from './deadline-timer.js';
import {
	farewellLine,
	lineTooLongLine,
	loginTimeoutLine,
	madeWayLine,
	noticeLine,
	slowDownLine,
} from './face-lines.js';
import {Keepalive, type KeepaliveSink} from './keepalive.js';
import {LineGate, type LineGateSink} from './line-gate.js';
import {OutboundQueue, type QueueOwner} from './outbound-queue.js';
import type {PreLoginEntry} from './pre-login-cap.js';
import {destroyAfterDeadline} from './socket-close.js';
import {TokenBucket} from './token-bucket.js';

/** Where the shared socket handlers find their connection. */
const CONNECTION = Symbol('chat connection');
type ConnectionSocket = Socket & {[CONNECTION]: Connection};

function connectionOf(socket: Socket): Connection {
	return (socket as ConnectionSocket)[CONNECTION];
}

export class Connection
	implements
		LoginLink,
		OpenConnection,
		LineGateSink,
		QueueOwner,
		KeepaliveSink,
		DeadlineEntry,
		PreLoginEntry
{
	readonly address: string;
	/** Undefined until the first line decides the face. */
	face: Face | undefined;
	user: User | undefined;
	closed = false;
	readonly login = new LoginState();
	readonly #host: ConnectionHost;
	readonly #socket: Socket;
	readonly #queue: OutboundQueue;
	readonly #framer: LineFramer;
	readonly #gate: LineGate;
	/** The login deadline, on the host's DeadlineTimer. */
	deadlineAt = 0;
	deadlineIndex = -1;
	#keepalive: Keepalive | undefined;
	/** Lines that came while an earlier line's answer was pending (holdLinesUntil), in order. */
	#heldLines: string[] | undefined;
	/** The rate gate stopped reading; a hold that ends must not read on under it. */
	#gatePaused = false;
	#peerEnded = false;
	#socketClosed = false;
	/** Who waits for the socket to close (only a shutdown does); made when first asked. */
	#closeWaiters: Array<() => void> | undefined;

	constructor(host: ConnectionHost, socket: Socket, address: string) {
		this.#host = host;
		this.#socket = socket;
		this.address = address;
		const {limits} = host;
		this.#queue = new OutboundQueue(
			socket,
			host.scheduler,
			limits.maxOutboundBytes,
			this,
			host.relay,
		);
		this.#framer = new LineFramer(
			MAX_LINE_BYTES,
			(line) => {
				if (line.length > 0) this.#gate.offer(line);
			},
			() => {
				this.#queue.push(lineTooLongLine(this.face));
			},
		);
		const bucket =
			limits.rate > 0 ? new TokenBucket(limits.rate, limits.burst, Date.now()) : undefined;
		this.#gate = new LineGate(bucket, limits.floodDisconnectMs, this);
		host.connections.add(this);
		host.preLogin.add(this);
		socket.setNoDelay(true);
		// A netcat user cannot answer PING; TCP keepalive finds a half-open plain connection.
		socket.setKeepAlive(true, PLAIN_KEEPALIVE_MS);
		// The handlers are shared by every connection (no closures per socket: an idle user costs
		// only what it must); they find this connection on the socket.
		(socket as ConnectionSocket)[CONNECTION] = this;
		socket.on('data', Connection.#onData);
		socket.on('end', Connection.#onEnd);
		socket.on('error', Connection.#onError);
		socket.on('close', Connection.#onClose);
		host.deadlines.schedule(this, limits.loginTimeoutMs);
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
		const host = this.#host;
		host.deadlines.cancel(this);
		host.preLogin.remove(this);
		this.#gate.refill();
		if (face === 'structured') {
			const {pingAfterSilenceMs, pongTimeoutMs} = host.limits;
			this.#keepalive = new Keepalive(pingAfterSilenceMs, pongTimeoutMs, this, host.deadlines);
			this.#keepalive.start();
		}
	}

	// --- what the login, the sessions and the relay may do with it ---

	send(line: string): void {
		this.#queue.push(line);
	}

	sendDelivery(delivery: Delivery): void {
		this.#queue.pushDelivery(delivery);
	}

	followNews(news: PresenceNews): void {
		this.#queue.followNews(news);
		this.#host.newsReaders.add(this.#queue);
	}

	catchUpNews(): void {
		this.#queue.catchUpNews();
	}

	skipNews(): void {
		this.#queue.skipNews();
	}

	/** A line for this client that tells why the connection ends, in its face's form. */
	farewell(code: string, reason: string): string {
		return farewellLine(this.face, code, reason);
	}

	/** Ends the connection once; `lastLine` is sent first if the socket still takes data. */
	close(reason: CloseReason, lastLine?: string): void {
		if (this.closed) return;
		this.closed = true;
		const host = this.#host;
		host.deadlines.cancel(this);
		host.preLogin.remove(this);
		// A try whose connection is gone is never checked and holds up no try behind it, and
		// spends no login.
		returnUnansweredLogin(host.login, this);
		leavePasswordLine(host.login, this);
		this.#keepalive?.stop();
		this.#framer.stop();
		this.#gate.stop();
		const socket = this.#socket;
		const queue = this.#queue;
		host.newsReaders.delete(queue);
		if (lastLine !== undefined) queue.push(lastLine);
		// What the socket still takes is handed over (its senders get DELIVERED); the rest fails.
		if (reason !== 'dropped') queue.flush();
		const undelivered = queue.close();
		if (reason === 'slow-consumer' && lastLine !== undefined) socket.write(lastLine + '\n');
		const user = this.user;
		if (user !== undefined && user.link === this) host.presence.linkEnded(user, reason);
		host.relay.settleUndelivered(undelivered, reason, user);
		if (reason === 'dropped' || reason === 'evicted') {
			socket.destroy();
		} else {
			socket.end();
			destroyAfterDeadline(socket);
		}
	}

	// --- the line path ---

	gateLine(line: string): void {
		const turn = this.#host.readTurns.waiting;
		if (turn !== undefined && this.#heldLines === undefined) this.holdLinesUntil(turn);
		if (this.#heldLines !== undefined) {
			this.#heldLines.push(line);
			return;
		}

		const host = this.#host;
		try {
			const user = this.user;
			if (user === undefined) handleLoginLine(host.login, this, line);
			else if (user.face === 'plain') handlePlainLine(host.session, this, user, line);
			else handleStructuredLine(host.session, this, user, line);
		} catch (error) {
			// A bug costs this client one line, never the host.
			host.log(`error handling a line from ${this.address}: ${String(error)}`);
			if (!this.closed)
				this.#queue.push(
					noticeLine(this.face, 'bad-command', 'the host could not handle that line'),
				);
		}
	}

	holdLinesUntil(settled: Promise<unknown>): void {
		if (this.closed || this.#heldLines !== undefined) return;
		// Reading stops too, so what waits is the rest of this chunk as bytes, not a growing list.
		this.#heldLines = [];
		this.#framer.pause();
		this.#socket.pause();
		const release = () => {
			this.#releaseHeldLines();
		};
		settled.then(release, release);
	}

	#releaseHeldLines(): void {
		const lines = this.#heldLines ?? [];
		this.#heldLines = undefined;
		for (const [index, line] of lines.entries()) {
			if (this.closed) return;
			this.gateLine(line);
			// That line waits on an answer of its own: the rest wait behind it.
			const heldAgain = this.#heldLines as string[] | undefined;
			if (heldAgain !== undefined) {
				heldAgain.push(...lines.slice(index + 1));
				return;
			}
		}

		if (!this.#gatePaused) this.#readOn();
	}

	/** A line kept while the login waited, handled as if it had just come. */
	handleLine(line: string): void {
		this.gateLine(line);
	}

	// --- the rate gate ---

	gatePause(): void {
		// The rest of the chunk stays bytes, and the rest of the stream stays in the kernel.
		this.#gatePaused = true;
		this.#framer.pause();
		this.#socket.pause();
	}

	gateResume(): void {
		this.#gatePaused = false;
		if (this.#heldLines === undefined) this.#readOn();
	}

	#readOn(): void {
		// What the framer held is split now; its lines may make the gate wait again.
		if (this.closed || !this.#framer.resume() || this.closed) return;
		if (this.#peerEnded) this.close('ended');
		else this.#socket.resume();
	}

	gateThrottled(): void {
		this.#queue.push(slowDownLine(this.face));
	}

	gateFlood(): void {
		const seconds = this.#host.limits.floodDisconnectMs / 1000;
		const reason = `you kept sending too fast for ${seconds} s`;
		this.#host.log(`flood from ${this.address}${this.user ? ` (${this.user.name})` : ''}`);
		this.close('flood', this.farewell('flood', reason));
	}

	// --- the outbound queue ---

	queueOverflow(): void {
		this.#host.log(`slow consumer ${this.address}${this.user ? ` (${this.user.name})` : ''}`);
		this.close('slow-consumer', this.farewell('slow-consumer', 'you were not reading messages'));
	}

	// --- keepalive ---

	keepalivePing(token: string): void {
		this.#queue.push(encodePing(token));
	}

	keepaliveTimeout(): void {
		const seconds = this.#host.limits.pongTimeoutMs / 1000;
		this.close(
			'ping-timeout',
			this.farewell('ping-timeout', `no answer to PING within ${seconds} s`),
		);
	}

	// --- the socket ending ---

	/** Not logged in yet, and the longest waiting: it makes way for a newcomer (pre-login-cap.ts).
	 * Told why, then closed at once, so that its descriptor is free now. */
	evictPreLogin(): void {
		this.#host.log(`refused ${this.address}: too many connections waiting to log in`);
		this.close('evicted', madeWayLine(this.face));
	}

	/** No login within the login timeout. */
	deadlineReached(): void {
		const host = this.#host;
		host.log(`refused ${this.address}: login-timeout`);
		const seconds = host.limits.loginTimeoutMs / 1000;
		this.close('refused', loginTimeoutLine(this.face, seconds));
	}

	static #onData(this: Socket, chunk: Buffer): void {
		const connection = connectionOf(this);
		// Any bytes prove the connection alive; noted once a chunk, not once a line.
		connection.#keepalive?.heard(Date.now());
		connection.#framer.push(chunk);
	}

	static #onEnd(this: Socket): void {
		const connection = connectionOf(this);
		// Lines still waiting on the rate limit are handled first; then the connection ends, once
		// their answers are written (docs/protocol.md "Framing", half-close). A password waiting for
		// its turn is not answered to a peer that hung up: it leaves the line.
		connection.#peerEnded = true;
		if (waitsForPassword(connection.login)) connection.close('dropped');
		else if (connection.#gate.idle && !connection.#framer.paused) connection.close('ended');
	}

	static #onError(this: Socket): void {
		// ECONNRESET, EPIPE, …: routine; the connection is simply gone.
		connectionOf(this).close('dropped');
	}

	static #onClose(this: Socket): void {
		const connection = connectionOf(this);
		connection.close('dropped');
		connection.#socketClosed = true;
		connection.#host.connections.delete(connection);
		const waiters = connection.#closeWaiters;
		connection.#closeWaiters = undefined;
		if (waiters) for (const resolve of waiters) resolve();
	}
}
