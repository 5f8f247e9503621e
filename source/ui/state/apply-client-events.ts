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
	if (event.code === 'no-such-user' && to !== undefined && state.presence.get(to) === 'offline') {
		return `${to} left`;
	}
	return event.reason;
}

/**
 * Messages from someone other than the shown partner switch to them only when following is on
 * and the input line is empty, so a draft never goes to a different person than the one shown.
 * `events` is a run from one sender: the rule gives the same result for it as message by message.
 */
function receiveMessages(
	state: ChatState,
	from: string,
	events: readonly MessageEvent[],
): ChatState {
	const incoming = events.map(({id, ...event}) => ({...event, uid: id}));
	const added = addIncoming(ensureListed(state, from), from, incoming);
	let next = added.state;
	if (next.partner === from || added.started === 0) return next;
	if (next.follow && next.input.text === '') {
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
export function applyClientEvents(state: ChatState, events: readonly ClientEvent[]): ChatState {
	let next = state;
	let run: MessageEvent[] = [];
	const flush = () => {
		if (run.length > 0) next = receiveMessages(next, run[0]?.from ?? '', run);
		run = [];
	};
	for (const event of events) {
		if (event.type === 'message') {
			if (run.length > 0 && run[0]?.from !== event.from) flush();
			run.push(event);
		} else {
			flush();
			next = applyClientEvent(next, event);
		}
	}
	flush();
	return next;
}

function applyClientEvent(state: ChatState, event: ClientEvent): ChatState {
	switch (event.type) {
		case 'state': {
			return {...state, connection: event.state, connectionDetail: event.detail};
		}
		case 'welcome': {
			return {
				...applyRoster(state, event.name, event.users),
				fingerprints: event.fingerprints ?? new Map(),
				welcomed: true,
				connection: 'connected',
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
			return setPresence(state, event.name, 'online');
		}
		case 'user-away': {
			return setPresence(state, event.name, 'away');
		}
		case 'user-left': {
			const left = userLeft(endOpenMessage(state, event.name), event.name);
			return {...left, fingerprints: withFingerprint(left, event.name, undefined)};
		}
		case 'message': {
			return receiveMessages(state, event.from, [event]);
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
