// How each event from the ChatClient changes the UI state, including the following rule.
import type {ClientEvent} from '../client/chat-client.js';
import type {ChatState} from './chat-state.js';
import {
	addMessage,
	conversationOf,
	setDelivery,
	switchPartner,
	withConversation,
} from './conversation-updates.js';
import {applyRoster, ensureListed, setPresence, userLeft} from './roster-updates.js';

type MessageEvent = Extract<ClientEvent, {type: 'message'}>;

/**
 * A message from someone other than the shown partner switches to them only when following is on
 * and the input line is empty, so a draft never goes to a different person than the one shown.
 */
function receiveMessage(state: ChatState, event: MessageEvent): ChatState {
	const from = event.from;
	const added = addMessage(ensureListed(state, from), from, {
		time: event.time,
		from,
		text: event.text,
	});
	let next = added.state;
	if (next.partner === from) return next;
	if (next.follow && next.input.text === '') {
		return {...switchPartner(next, from), bells: next.bells + 1};
	}
	const conversation = conversationOf(next, from);
	next = withConversation(next, {...conversation, unread: conversation.unread + 1});
	return {
		...next,
		// Ring once when a conversation becomes unread, not for every line of a burst.
		bells: conversation.unread === 0 ? next.bells + 1 : next.bells,
		notice: {tone: 'info', text: `message from ${from} (Alt+A to read)`},
	};
}

export function applyClientEvent(state: ChatState, event: ClientEvent): ChatState {
	switch (event.type) {
		case 'state': {
			return {...state, connection: event.state, connectionDetail: event.detail};
		}
		case 'welcome': {
			return {
				...applyRoster(state, event.name, event.users),
				welcomed: true,
				connection: 'connected',
			};
		}
		case 'user-joined':
		case 'user-back': {
			return setPresence(state, event.name, 'online');
		}
		case 'user-away': {
			return setPresence(state, event.name, 'away');
		}
		case 'user-left': {
			return userLeft(state, event.name);
		}
		case 'message': {
			return receiveMessage(state, event);
		}
		case 'held': {
			return setDelivery(state, event.ref, {state: 'held'}, false);
		}
		case 'delivered': {
			return setDelivery(state, event.ref, {state: 'delivered'}, true);
		}
		case 'failed': {
			return setDelivery(state, event.ref, {state: 'failed', reason: event.reason}, true);
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
				ended: byQuit ? {exitCode: 0} : {exitCode: 1, message: event.message},
			};
		}
	}
}
