// Dim lines in a conversation about what happened around it: someone left, went away or came
// back, the connection was lost or is back, the host is shutting down. They are not messages:
// they count as nothing unread and ring no bell.
import type {ChatState} from './chat-state.js';
import {addMessages} from './conversation-updates.js';

/** Adds `text` as an event line to the open conversation with `partner`, if there is one. */
export function addEventLine(
	state: ChatState,
	partner: string,
	text: string,
	now: number,
): ChatState {
	if (!state.conversations.has(partner)) return state;
	return addMessages(state, partner, [{time: now, from: '', text, event: true}]).state;
}

/** Adds `text` to every open conversation: news about the connection concerns them all. */
export function addEventLineEverywhere(state: ChatState, text: string, now: number): ChatState {
	let next = state;
	for (const partner of state.conversations.keys()) next = addEventLine(next, partner, text, now);
	return next;
}
