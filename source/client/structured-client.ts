// The ChatClient over the structured face: one HostConnection at a time, reconnecting and
// resuming after a drop, with sends queued until the host gives each its final result.
import {encodeQuit, encodeSend, type HelloOptions} from '../protocol/client-lines.js';
import type {HostLine} from '../protocol/host-lines.js';
import type {ChatClient, ClientEvent} from './chat-client.js';
import {createClientEvents} from './client-events.js';
import {
	QUIT_SENTENCE,
	byeSentence,
	connectFailureSentence,
	gaveUpSentence,
	refusalSentence,
	unsentReason,
} from './closing-sentences.js';
import {
	LOGIN_ANSWER_TIMEOUT_MS,
	openHostConnection,
	type ConnectionOutcome,
	type HostConnection,
	type Login,
} from './host-connection.js';
import {createIncomingDedupe, laterMessageId} from './incoming-dedupe.js';
import {DEFAULT_KEEPALIVE, type KeepaliveTimings} from './keepalive.js';
import {createRefMaker} from './message-refs.js';
import {openPlainSocket, type HostAddress, type OpenSocket} from './open-socket.js';
import {checkOutgoing} from './outgoing-check.js';
import {MAX_QUEUED_MESSAGES, createOutboundQueue} from './outbound-queue.js';
import {
	GIVE_UP_NEVER,
	isRetryableBye,
	isRetryableRefusal,
	isTransientSocketError,
	reconnectDelayMs,
	retryDetail,
	shouldGiveUp,
	type GiveUpPolicy,
} from './reconnect-policy.js';

/** After QUIT, how long we wait for the host's BYE before closing anyway. */
export const QUIT_ANSWER_TIMEOUT_MS = 2000;

export type StructuredClientOptions = {
	address: HostAddress;
	name: string;
	password?: string;
	/** How to reach the host; plain TCP unless TLS is asked for. */
	openSocket?: OpenSocket;
	giveUp?: GiveUpPolicy;
	keepalive?: KeepaliveTimings;
	loginAnswerTimeoutMs?: number;
	/** For tests of the jitter; Math.random otherwise. */
	random?: () => number;
};

/** Creates the client and starts connecting at once; events wait for the first listener. */
export function createStructuredClient(options: StructuredClientOptions): ChatClient {
	const {address, name} = options;
	const events = createClientEvents();
	const queue = createOutboundQueue();
	const dedupe = createIncomingDedupe();
	const nextRef = createRefMaker();
	const giveUp = options.giveUp ?? GIVE_UP_NEVER;
	let connection: HostConnection | undefined;
	let online = false;
	let hasLoggedIn = false;
	let resumeToken: string | undefined;
	let graceMs = 0;
	let lastMessageId: string | undefined;
	let attempt = 0;
	// Before the first login, "dropped" means "started trying".
	let droppedAt = Date.now();
	let retryTimer: NodeJS.Timeout | undefined;
	let closed = false;
	let quitting: {done: Promise<void>; resolve: () => void} | undefined;

	const flush = () => {
		if (!online || connection === undefined) return;
		for (const message of queue.takeUnwritten()) {
			connection.send(encodeSend(message.ref, message.to, message.text));
		}
	};

	const close = (code: string, message: string) => {
		if (closed) return;
		closed = true;
		online = false;
		clearTimeout(retryTimer);
		connection?.abandon();
		connection = undefined;
		for (const unsent of queue.drain()) {
			events.emit({
				type: 'failed',
				ref: unsent.ref,
				code: 'not-sent',
				reason: unsentReason(message),
			});
		}

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
		events.emit({type: 'welcome', name: login.name, users: login.users});
		events.emit({type: 'state', state: 'connected'});
		flush();
	};

	const onLine = (line: HostLine) => {
		switch (line.kind) {
			case 'join':
			case 'leave':
			case 'away':
			case 'back': {
				const type =
					line.kind === 'join'
						? 'user-joined'
						: line.kind === 'leave'
							? 'user-left'
							: (`user-${line.kind}` as const);
				events.emit({type, name: line.name});
				break;
			}

			case 'msg': {
				lastMessageId = laterMessageId(lastMessageId, line.id);
				if (dedupe.isFirstSighting(line)) {
					const {id, time, from, to, text} = line;
					events.emit({type: 'message', id, time, from, to, text});
				}

				break;
			}

			case 'held': {
				if (queue.has(line.ref)) {
					events.emit({type: 'held', ref: line.ref, id: line.id, time: line.time});
				}

				break;
			}

			case 'delivered': {
				if (queue.settle(line.ref)) {
					events.emit({type: 'delivered', ref: line.ref, id: line.id, time: line.time});
				}

				break;
			}

			case 'failed': {
				if (queue.settle(line.ref)) {
					events.emit({type: 'failed', ref: line.ref, code: line.code, reason: line.reason});
				}

				break;
			}

			case 'error': {
				events.emit({type: 'error', code: line.code, message: line.reason});
				break;
			}

			default: {
				// Unknown verbs are a newer host's additions; ignoring them keeps old clients working.
			}
		}
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
		queue.markAllUnwritten();
		if (closed) return;
		if (quitting !== undefined) {
			close('quit', QUIT_SENTENCE);
			return;
		}

		switch (outcome.kind) {
			case 'lost': {
				if (isTransientSocketError(outcome.errorCode, hasLoggedIn)) scheduleRetry();
				else
					close(outcome.errorCode ?? 'closed', connectFailureSentence(address, outcome.errorCode));
				break;
			}

			case 'refused': {
				// A refused resume token is spent either way: the next try logs in fresh.
				resumeToken = undefined;
				const context = {
					hasLoggedInBefore: hasLoggedIn,
					sinceDropMs: Date.now() - droppedAt,
					graceMs,
				};
				if (isRetryableRefusal(outcome.code, context)) scheduleRetry();
				else close(outcome.code, refusalSentence(address, name, outcome.code, outcome.reason));
				break;
			}

			case 'bye': {
				if (outcome.code === 'quit') close('quit', QUIT_SENTENCE);
				else if (isRetryableBye(outcome.code)) scheduleRetry();
				else close(outcome.code, byeSentence(address, outcome.code, outcome.reason));
				break;
			}
		}
	};

	function connect() {
		if (closed) return;
		const hello: HelloOptions = {name};
		if (options.password !== undefined) hello.password = options.password;
		if (resumeToken !== undefined) {
			hello.resume = resumeToken;
			// A token is good for one try; if this one fails, the next login is fresh.
			resumeToken = undefined;
			if (lastMessageId !== undefined) hello.last = lastMessageId;
		}

		connection = openHostConnection(
			{
				address,
				openSocket: options.openSocket ?? openPlainSocket,
				hello,
				keepalive: options.keepalive ?? DEFAULT_KEEPALIVE,
				loginAnswerTimeoutMs: options.loginAnswerTimeoutMs ?? LOGIN_ANSWER_TIMEOUT_MS,
			},
			{onLogin, onLine, onOutcome},
		);
	}

	events.emit({type: 'state', state: 'connecting'});
	connect();

	return {
		send(to, text) {
			const ref = nextRef();
			const local = closed
				? {code: 'not-sent', reason: unsentReason('the session is over')}
				: checkOutgoing(ref, to, text);
			if (local !== undefined) {
				events.emitSoon({type: 'failed', ref, ...local});
			} else if (queue.add({ref, to, text})) {
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
				}, QUIT_ANSWER_TIMEOUT_MS).unref();
			} else {
				close('quit', QUIT_SENTENCE);
			}

			return done;
		},
		subscribe: (listener: (event: ClientEvent) => void) => events.subscribe(listener),
	};
}
