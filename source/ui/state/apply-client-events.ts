// How each event from the ChatClient changes the UI state, including the following rule.
import type {ClientEvent} from '../../client/chat-client.js';
import {EXIT_FAILURE} from '../../exit-codes.js';
import type {ChatState} from './chat-state.js';
import {
	conversationOf,
	setDelivery,
	switchPartner,
	withConversation,
} from './conversation-updates.js';
import {addEventLine, addEventLineEverywhere} from './event-lines.js';
import {mayFollow} from './following-rule.js';
import {addIncoming, endOpenMessage} from './incoming-parts.js';
import {applyRoster, ensureListed, setPresence, userLeft} from './roster-updates.js';

type MessageEvent = Extract<ClientEvent, {type: 'message'}>;
type FailedEvent = Extract<ClientEvent, {type: 'failed'}>;

/**
 * The host says "does not exist" for any name that is not online; when the list shows the
 * recipient as gone, "bob left" is what actually happened.
 */
function failureReason(state: ChatState, event: FailedEvent): string {
	const to = state.pending.get(event.ref)?.partner;
	// A name only written to (/msg to someone never seen) did not leave: the host's reason says why.
	const sawLeave = to !== undefined && state.left?.has(to) === true;
	if (event.code === 'no-such-user' && sawLeave && state.presence.get(to) === 'offline') {
		return `${to} left`;
	}
	return event.reason;
}

/**
 * Messages from someone other than the shown partner switch to them only as following-rule.ts
 * allows, so a draft never goes to a different person than the one shown.
 * `events` is a run from one sender: the rule gives the same result for it as message by message.
 */
function receiveMessages(
	state: ChatState,
	from: string,
	events: readonly MessageEvent[],
	now: number,
): ChatState {
	const incoming = events.map(({id, ...event}) => ({...event, uid: id}));
	const added = addIncoming(ensureListed(state, from), from, incoming);
	let next = added.state;
	if (next.partner === from || added.started === 0) return next;
	if (mayFollow(next, now)) {
		return {...switchPartner(next, from), bells: next.bells + 1};
	}
	const conversation = conversationOf(next, from);
	next = withConversation(next, {...conversation, unread: conversation.unread + added.started});
	return {
		...next,
		// Ring once when a conversation becomes unread, not for every line of a burst.
		bells: conversation.unread === 0 ? next.bells + 1 : next.bells,
		notice: {tone: 'info', text: `message from ${from} (Alt+A to read)`},
	};
}

/** The fingerprints with `name`'s set, or forgotten when `fingerprint` is undefined. */
function withFingerprint(
	state: ChatState,
	name: string,
	fingerprint: string | undefined,
): ReadonlyMap<string, string> {
	if (state.fingerprints.get(name) === fingerprint) return state.fingerprints;
	const fingerprints = new Map(state.fingerprints);
	if (fingerprint === undefined) fingerprints.delete(name);
	else fingerprints.set(name, fingerprint);
	return fingerprints;
}

/** Applies a batch of events in order, taking each run of messages from one sender at once. */
export function applyClientEvents(
	state: ChatState,
	events: readonly ClientEvent[],
	now = Date.now(),
): ChatState {
	let next = state;
	let run: MessageEvent[] = [];
	const flush = () => {
		if (run.length > 0) next = receiveMessages(next, run[0]?.from ?? '', run, now);
		run = [];
	};
	for (const event of events) {
		if (event.type === 'message') {
			if (run.length > 0 && run[0]?.from !== event.from) flush();
			run.push(event);
		} else {
			flush();
			next = applyClientEvent(next, event, now);
		}
	}
	flush();
	return next;
}

/** Event lines for a change of presence, in the conversation with that user. */
const PRESENCE_LINES = {
	'user-left': (name: string) => `${name} left`,
	'user-away': (name: string) => `${name} is away`,
	'user-back': (name: string) => `${name} is back`,
} as const;

/** The connection went from logged in to anything else: every conversation is told once. */
function connectionState(
	state: ChatState,
	event: Extract<ClientEvent, {type: 'state'}>,
	now: number,
): ChatState {
	const next: ChatState = {
		...state,
		connection: event.state,
		connectionDetail: event.detail,
		retryAt: event.retryAt,
		retryWhy: event.why,
		// Said where it is read, once per try: the status bar only has room for the countdown.
		notice:
			event.why === undefined
				? state.notice
				: {
						tone: 'error',
						text: `${event.why}; chat keeps trying (/quit to stop)`,
						untilConnected: true,
					},
	};
	const lost = state.welcomed && state.connection === 'connected' && event.state !== 'connected';
	return lost ? addEventLineEverywhere(next, 'connection lost', now) : next;
}

function applyClientEvent(state: ChatState, event: ClientEvent, now: number): ChatState {
	switch (event.type) {
		case 'state': {
			return connectionState(state, event, now);
		}
		case 'welcome': {
			const next = state.welcomed ? addEventLineEverywhere(state, 'reconnected', now) : state;
			return {
				...applyRoster(next, event.name, event.users),
				fingerprints: event.fingerprints ?? new Map(),
				welcomed: true,
				connectedHost: event.host ?? state.connectedHost,
				connection: 'connected',
				notice: state.notice?.untilConnected === true ? undefined : state.notice,
			};
		}
		case 'roster': {
			const fingerprints = event.fingerprints ?? new Map<string, string>();
			return {...applyRoster(state, state.self, event.users), fingerprints};
		}
		case 'user-key': {
			return {...state, fingerprints: withFingerprint(state, event.name, event.fingerprint)};
		}
		case 'user-joined': {
			// A new session under the name: its key, if any, follows.
			const joined = setPresence(state, event.name, 'online');
			return {...joined, fingerprints: withFingerprint(joined, event.name, undefined)};
		}
		case 'user-back': {
			const back = state.presence.get(event.name) === 'away';
			const next = setPresence(state, event.name, 'online');
			return back
				? addEventLine(next, event.name, PRESENCE_LINES[event.type](event.name), now)
				: next;
		}
		case 'user-away': {
			const next = setPresence(state, event.name, 'away');
			if (next === state) return state;
			return addEventLine(next, event.name, PRESENCE_LINES[event.type](event.name), now);
		}
		case 'user-left': {
			const ended = endOpenMessage(state, event.name);
			const next = addEventLine(ended, event.name, PRESENCE_LINES[event.type](event.name), now);
			const left = userLeft(next, event.name);
			return {...left, fingerprints: withFingerprint(left, event.name, undefined)};
		}
		case 'host-shutdown': {
			// Said here, so the "connection lost" that would follow is not said as well.
			const next = addEventLineEverywhere(state, 'the host is shutting down', now);
			return {...next, connection: 'reconnecting', connectionDetail: undefined};
		}
		case 'message': {
			return receiveMessages(state, event.from, [event], now);
		}
		case 'progress': {
			const progress = {state: 'sending', sent: event.sent, total: event.total} as const;
			return setDelivery(state, event.ref, progress, false);
		}
		case 'held': {
			return setDelivery(state, event.ref, {state: 'held'}, false);
		}
		case 'stored': {
			const recipient = state.pending.get(event.ref)?.partner ?? '';
			return setDelivery(state, event.ref, {state: 'stored', recipient}, false);
		}
		case 'delivered': {
			return setDelivery(state, event.ref, {state: 'delivered'}, true);
		}
		case 'failed': {
			const reason = failureReason(state, event);
			return setDelivery(state, event.ref, {state: 'failed', reason}, true);
		}
		case 'error': {
			return {...state, notice: {tone: 'error', text: event.message}};
		}
		case 'closed': {
			if (state.ended) return state;
			const byQuit = state.quitRequested || event.code === 'quit';
			return {
				...state,
				connection: 'disconnected',
				ended: byQuit ? {exitCode: 0} : {exitCode: EXIT_FAILURE, message: event.message},
			};
		}
	}
}
