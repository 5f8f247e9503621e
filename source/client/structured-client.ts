// The ChatClient over the structured face: one HostConnection at a time, reconnecting and
// resuming after a drop, with sends queued until the host gives each its final result.
import {encodeQuit, type HelloOptions} from '../protocol/client-lines.js';
import type {AnswerChallenge} from './challenge-answer.js';
import type {ChatClient, ClientEvent} from './chat-client.js';
import {createClientEvents} from './client-events.js';
import {QUIT_SENTENCE, formatHostLabel, gaveUpSentence, unsentReason} from './closing-sentences.js';
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
import {HostRotation, neverConnected} from './host-rotation.js';
import {openPlainSocket, type HostAddress, type OpenSocket} from './open-socket.js';
import {checkOutgoing} from './outgoing-check.js';
import {createPacedSends} from './paced-sends.js';
import {decideAfterOutcome} from './outcome-decision.js';
import {
	GIVE_UP_NEVER,
	reconnectDelayMs,
	retryDetail,
	shouldGiveUp,
	type GiveUpPolicy,
} from './reconnect-policy.js';

export type PasswordRefusal = 'password-required' | 'password-wrong';

function isPasswordRefusal(code: string): code is PasswordRefusal {
	return code === 'password-required' || code === 'password-wrong';
}

type StructuredClientOptions = {
	address: HostAddress;
	/** The other hosts of a cluster, tried in turn after `address` (host-rotation.ts). */
	moreAddresses?: readonly HostAddress[];
	name: string;
	password?: string;
	/** Logs in with this key, signing each host's challenge (docs/protocol.md "Identity"). */
	identity?: {publicKey: string; answerChallenge: AnswerChallenge};
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
	const {name} = options;
	const hosts = new HostRotation([options.address, ...(options.moreAddresses ?? [])]);
	const events = createClientEvents();
	const nextRef = createRefMaker();
	const sends = createPacedSends(name, nextRef);
	// A part's result becomes its message's (outgoing-messages.ts).
	const incoming = createIncomingLines(
		{
			...events,
			emit(event) {
				// STORED settles a message too: kept by the host, it is no longer ours to send or fail.
				if (
					event.type === 'held' ||
					event.type === 'stored' ||
					event.type === 'delivered' ||
					event.type === 'failed'
				) {
					for (const result of sends.result(event)) events.emit(result);
				} else {
					events.emit(event);
				}
			},
		},
		sends.pending,
	);
	const giveUp = options.giveUp ?? GIVE_UP_NEVER;
	let connection: HostConnection | undefined;
	let online = false;
	let hasLoggedIn = false;
	let resumeToken: string | undefined;
	/** The token the current try sent, if any: kept for the next host if it never left here. */
	let triedToken: string | undefined;
	let graceMs = 0;
	let attempt = 0;
	// Before the first login, "dropped" means "started trying".
	let droppedAt = Date.now();
	let retryTimer: NodeJS.Timeout | undefined;
	let closed = false;
	let quitting: {done: Promise<void>; resolve: () => void} | undefined;
	let {password} = options;

	const close = (code: string, message: string) => {
		if (closed) return;
		closed = true;
		online = false;
		clearTimeout(retryTimer);
		connection?.abandon();
		connection = undefined;
		for (const event of sends.failAll(unsentReason(message))) events.emit(event);

		events.emit({type: 'state', state: 'disconnected', detail: message});
		events.emit({type: 'closed', code, message});
		quitting?.resolve();
	};

	const onLogin = (login: Login) => {
		online = true;
		hasLoggedIn = true;
		attempt = 0;
		hosts.loggedIn();
		resumeToken = login.resumeToken;
		graceMs = login.graceSeconds * 1000;
		options.onAnswered?.();
		const {name: self, users, keys} = login;
		// Only a host that knows of keys says anything about them.
		const host = formatHostLabel(hosts.current);
		if (keys.size === 0) events.emit({type: 'welcome', name: self, users, host});
		else events.emit({type: 'welcome', name: self, users, fingerprints: keys, host});
		events.emit({type: 'state', state: 'connected'});
		sends.online((line) => connection?.send(line), login.pacing);
	};

	const scheduleRetry = (why?: string) => {
		const disconnectedFor = Date.now() - droppedAt;
		if (shouldGiveUp(giveUp, disconnectedFor)) {
			close('gave-up', gaveUpSentence(hosts.current, disconnectedFor));
			return;
		}

		const delay = reconnectDelayMs(attempt++, options.random);
		const retry = retryDetail(delay);
		events.emit({
			type: 'state',
			state: hasLoggedIn ? 'reconnecting' : 'connecting',
			detail: why === undefined ? retry : `${why}: ${retry}`,
			retryAt: Date.now() + delay,
			...(why === undefined ? {} : {why}),
		});
		retryTimer = setTimeout(connect, delay);
	};

	const onOutcome = (outcome: ConnectionOutcome) => {
		connection = undefined;
		const wasOnline = online;
		if (online) droppedAt = Date.now();
		online = false;
		sends.offline();
		if (closed) return;
		if (quitting !== undefined) {
			close('quit', QUIT_SENTENCE);
			return;
		}

		if (outcome.kind === 'bye' && outcome.code === 'shutdown') {
			events.emit({type: 'host-shutdown', message: outcome.reason});
		}

		// A refused resume token is spent either way: the next try logs in fresh.
		if (outcome.kind === 'refused') resumeToken = undefined;
		// A host of the cluster that cannot be reached: the next one is tried at once.
		const hostGone =
			(outcome.kind === 'lost' && !wasOnline) ||
			(outcome.kind === 'bye' && outcome.code === 'shutdown');
		if (hostGone && hosts.failed()) {
			if (outcome.kind === 'lost' && neverConnected(outcome.errorCode)) resumeToken ??= triedToken;
			connect();
			return;
		}

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
			address: hosts.current,
			name,
			hasLoggedIn,
			sinceDropMs: Date.now() - droppedAt,
			graceMs,
			keepTryingName: giveUp.kind === 'never',
		});
		if (decision.kind === 'retry') scheduleRetry(decision.why);
		else close(decision.code, decision.message);
	};

	function connect() {
		if (closed) return;
		const hello: HelloOptions = {name};
		if (password !== undefined) hello.password = password;
		triedToken = resumeToken;
		if (options.identity !== undefined) hello.key = options.identity.publicKey;
		if (resumeToken !== undefined) {
			hello.resume = resumeToken;
			// A token is good for one try; if this one fails, the next login is fresh.
			resumeToken = undefined;
			if (incoming.lastMessageId !== undefined) hello.last = incoming.lastMessageId;
		}

		connection = openHostConnection(
			{
				address: hosts.current,
				openSocket: options.openSocket ?? openPlainSocket,
				hello,
				answerChallenge: options.identity?.answerChallenge,
				keepalive: options.keepalive ?? DEFAULT_KEEPALIVE,
				loginAnswerTimeoutMs: options.loginAnswerTimeoutMs ?? LOGIN_ANSWER_TIMEOUT_MS,
			},
			{
				onLogin,
				onRoster(users, keys) {
					if (keys.size === 0) events.emit({type: 'roster', users});
					else events.emit({type: 'roster', users, fingerprints: keys});
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
			} else if (sends.size < MAX_QUEUED_MESSAGES) {
				sends.add({ref, to, parts: checked.parts, action: sendOptions?.action === true});
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
		reconnect() {
			if (closed || quitting !== undefined || connection !== undefined) return;
			clearTimeout(retryTimer);
			connect();
		},
		subscribe: (listener: (event: ClientEvent) => void) => events.subscribe(listener),
	};
}
