// The ChatClient over the structured face: one HostConnection at a time, reconnecting and
// resuming after a drop, with sends queued until the host gives each its final result.
import {encodeQuit, encodeSend, type HelloOptions} from '../protocol/client-lines.js';
import {DEFAULT_BURST_LINES, DEFAULT_RATE_LINES_PER_SECOND} from '../protocol/limits.js';
import type {ChatClient, ClientEvent} from './chat-client.js';
import {createClientEvents} from './client-events.js';
import {QUIT_SENTENCE, gaveUpSentence, unsentReason} from './closing-sentences.js';
import {
	openHostConnection,
	type ConnectionOutcome,
	type HostConnection,
	type Login,
} from './host-connection.js';
import {createIncomingLines} from './incoming-lines.js';
import {LOGIN_ANSWER_TIMEOUT_MS, MAX_QUEUED_MESSAGES, QUIT_ANSWER_TIMEOUT_MS} from './limits.js';
import {DEFAULT_KEEPALIVE, type KeepaliveTimings} from './liveness-ping.js';
import {createRefMaker} from './message-refs.js';
import {openPlainSocket, type HostAddress, type OpenSocket} from './open-socket.js';
import {checkOutgoing} from './outgoing-check.js';
import {createOutgoingMessages, type WirePart} from './outgoing-messages.js';
import {createPendingSends} from './pending-sends.js';
import {SendPacer} from './send-pacer.js';
import {decideAfterOutcome} from './outcome-decision.js';
import {
	GIVE_UP_NEVER,
	reconnectDelayMs,
	retryDetail,
	shouldGiveUp,
	type GiveUpPolicy,
} from './reconnect-policy.js';

/** What an old host that says nothing of its rate is paced to: the documented defaults. */
const DEFAULT_PACING = {rate: DEFAULT_RATE_LINES_PER_SECOND, burst: DEFAULT_BURST_LINES};

export type PasswordRefusal = 'password-required' | 'password-wrong';

function isPasswordRefusal(code: string): code is PasswordRefusal {
	return code === 'password-required' || code === 'password-wrong';
}

type StructuredClientOptions = {
	address: HostAddress;
	name: string;
	password?: string;
	/**
	 * Asked for a password when the host refuses the login for want of one or for a wrong one
	 * (docs/protocol.md "Password"); the login is tried again with the answer. Undefined gives up.
	 */
	askPassword?: (code: PasswordRefusal) => Promise<string | undefined>;
	/** Called when a login attempt has its answer: logged in, or ended other than by asking. */
	onAnswered?: () => void;
	/** How to reach the host; plain TCP unless TLS is asked for. */
	openSocket?: OpenSocket;
	giveUp?: GiveUpPolicy;
	keepalive?: KeepaliveTimings;
	loginAnswerTimeoutMs?: number;
	/** For tests; QUIT_ANSWER_TIMEOUT_MS otherwise. */
	quitAnswerTimeoutMs?: number;
	/** For tests of the jitter; Math.random otherwise. */
	random?: () => number;
};

/** Creates the client and starts connecting at once; events wait for the first listener. */
export function createStructuredClient(options: StructuredClientOptions): ChatClient {
	const {address, name} = options;
	const events = createClientEvents();
	const sends = createPendingSends();
	const nextRef = createRefMaker();
	const outgoing = createOutgoingMessages(nextRef);
	const pacer = new SendPacer(DEFAULT_PACING, Date.now());
	let paceTimer: NodeJS.Timeout | undefined;
	/** The host reads message options (it said its rate in WELCOME); an old host gets bare SENDs. */
	let hostReadsOptions = false;
	// A part's result becomes its message's; the room it leaves may let the next part go.
	const incoming = createIncomingLines(
		{
			...events,
			emit(event) {
				if (event.type !== 'held' && event.type !== 'delivered' && event.type !== 'failed') {
					events.emit(event);
					return;
				}

				for (const result of outgoing.settle(event)) events.emit(result);
				if (event.type !== 'held') flush();
			},
		},
		sends,
	);
	const giveUp = options.giveUp ?? GIVE_UP_NEVER;
	let connection: HostConnection | undefined;
	let online = false;
	let hasLoggedIn = false;
	let resumeToken: string | undefined;
	let graceMs = 0;
	let attempt = 0;
	// Before the first login, "dropped" means "started trying".
	let droppedAt = Date.now();
	let retryTimer: NodeJS.Timeout | undefined;
	let closed = false;
	let quitting: {done: Promise<void>; resolve: () => void} | undefined;
	let {password} = options;

	const encode = (part: WirePart) => {
		if (hostReadsOptions || part.options === undefined) {
			return encodeSend(part.ref, part.to, part.text, part.options);
		}

		// An old host refuses options: each part goes as a message of its own.
		const text = part.options.action === true ? `* ${name} ${part.text}` : part.text;
		return encodeSend(part.ref, part.to, text);
	};

	/** Writes what waits, resends first, as fast as the pacer lets; a timer takes the rest. */
	function flush() {
		clearTimeout(paceTimer);
		paceTimer = undefined;
		if (!online || connection === undefined) return;
		const now = Date.now();
		for (;;) {
			const canTakePart = outgoing.hasWaiting() && sends.size < MAX_QUEUED_MESSAGES;
			if (!sends.hasUnwritten() && !canTakePart) return;
			if (!pacer.take(now)) {
				paceTimer = setTimeout(flush, pacer.msUntilToken(now));
				return;
			}

			let part = sends.nextUnwritten();
			if (part === undefined) {
				part = outgoing.takePart();
				if (part === undefined) return;
				sends.add(part);
				sends.nextUnwritten();
			}

			connection.send(encode(part));
		}
	}

	const close = (code: string, message: string) => {
		if (closed) return;
		closed = true;
		online = false;
		clearTimeout(retryTimer);
		clearTimeout(paceTimer);
		connection?.abandon();
		connection = undefined;
		const reason = unsentReason(message);
		const unsent: ClientEvent[] = [];
		for (const part of sends.drain()) {
			unsent.push(...outgoing.settle({type: 'failed', ref: part.ref, code: 'not-sent', reason}));
		}

		for (const ref of outgoing.drain())
			unsent.push({type: 'failed', ref, code: 'not-sent', reason});
		for (const event of unsent) events.emit(event);

		events.emit({type: 'state', state: 'disconnected', detail: message});
		events.emit({type: 'closed', code, message});
		quitting?.resolve();
	};

	const onLogin = (login: Login) => {
		online = true;
		hasLoggedIn = true;
		attempt = 0;
		resumeToken = login.resumeToken;
		graceMs = login.graceSeconds * 1000;
		hostReadsOptions = login.pacing !== undefined;
		// A fresh login starts with the host's whole burst (docs/protocol.md "Pacing").
		pacer.reset(login.pacing ?? DEFAULT_PACING, Date.now());
		options.onAnswered?.();
		events.emit({type: 'welcome', name: login.name, users: login.users});
		events.emit({type: 'state', state: 'connected'});
		flush();
	};

	const scheduleRetry = () => {
		const disconnectedFor = Date.now() - droppedAt;
		if (shouldGiveUp(giveUp, disconnectedFor)) {
			close('gave-up', gaveUpSentence(address, disconnectedFor));
			return;
		}

		const delay = reconnectDelayMs(attempt++, options.random);
		events.emit({
			type: 'state',
			state: hasLoggedIn ? 'reconnecting' : 'connecting',
			detail: retryDetail(delay),
		});
		retryTimer = setTimeout(connect, delay);
	};

	const onOutcome = (outcome: ConnectionOutcome) => {
		connection = undefined;
		if (online) droppedAt = Date.now();
		online = false;
		sends.markAllUnwritten();
		if (closed) return;
		if (quitting !== undefined) {
			close('quit', QUIT_SENTENCE);
			return;
		}

		// A refused resume token is spent either way: the next try logs in fresh.
		if (outcome.kind === 'refused') resumeToken = undefined;
		const {askPassword} = options;
		if (outcome.kind === 'refused' && isPasswordRefusal(outcome.code) && askPassword) {
			void askPassword(outcome.code).then((answer) => {
				if (closed) return;
				if (answer === undefined) {
					decide(outcome);
				} else {
					password = answer;
					connect();
				}
			});
			return;
		}

		decide(outcome);
	};

	const decide = (outcome: ConnectionOutcome) => {
		options.onAnswered?.();
		const decision = decideAfterOutcome(outcome, {
			address,
			name,
			hasLoggedIn,
			sinceDropMs: Date.now() - droppedAt,
			graceMs,
		});
		if (decision.kind === 'retry') scheduleRetry();
		else close(decision.code, decision.message);
	};

	function connect() {
		if (closed) return;
		const hello: HelloOptions = {name};
		if (password !== undefined) hello.password = password;
		if (resumeToken !== undefined) {
			hello.resume = resumeToken;
			// A token is good for one try; if this one fails, the next login is fresh.
			resumeToken = undefined;
			if (incoming.lastMessageId !== undefined) hello.last = incoming.lastMessageId;
		}

		connection = openHostConnection(
			{
				address,
				openSocket: options.openSocket ?? openPlainSocket,
				hello,
				keepalive: options.keepalive ?? DEFAULT_KEEPALIVE,
				loginAnswerTimeoutMs: options.loginAnswerTimeoutMs ?? LOGIN_ANSWER_TIMEOUT_MS,
			},
			{
				onLogin,
				onRoster(users) {
					events.emit({type: 'roster', users});
				},
				onLine: incoming.handle,
				onOutcome,
			},
		);
	}

	events.emit({type: 'state', state: 'connecting'});
	connect();

	return {
		send(to, text, sendOptions) {
			const ref = nextRef();
			const checked = closed
				? {code: 'not-sent', reason: unsentReason('the session is over')}
				: checkOutgoing(to, text);
			if (!('parts' in checked)) {
				events.emitSoon({type: 'failed', ref, ...checked});
			} else if (outgoing.size < MAX_QUEUED_MESSAGES) {
				outgoing.add({ref, to, parts: checked.parts, action: sendOptions?.action === true});
				flush();
			} else {
				const reason = `not sent: ${MAX_QUEUED_MESSAGES} messages are already waiting for the host`;
				events.emitSoon({type: 'failed', ref, code: 'queue-full', reason});
			}

			return ref;
		},
		async quit() {
			if (closed) return;
			if (quitting !== undefined) return quitting.done;
			let resolve!: () => void;
			const done = new Promise<void>((settle) => {
				resolve = settle;
			});
			quitting = {done, resolve};
			if (online && connection !== undefined) {
				connection.send(encodeQuit());
				setTimeout(() => {
					close('quit', QUIT_SENTENCE);
				}, options.quitAnswerTimeoutMs ?? QUIT_ANSWER_TIMEOUT_MS).unref();
			} else {
				close('quit', QUIT_SENTENCE);
			}

			return done;
		},
		subscribe: (listener: (event: ClientEvent) => void) => events.subscribe(listener),
	};
}
