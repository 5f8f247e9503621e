// `/clear`: the shown conversation starts empty at the bottom, as irssi's /clear; nothing is
// forgotten, and PgUp shows the messages from before.
import type {ChatState} from './chat-state.js';
import {conversationOf, withConversation} from './conversation-updates.js';

export function clearScreen(state: ChatState): ChatState {
	if (state.partner === undefined) return {...state, notice: undefined};
	const conversation = conversationOf(state, state.partner);
	return withConversation(
		{...state, notice: undefined},
		{...conversation, clearedAt: conversation.log.nextSeq, scroll: undefined, newBelow: 0},
	);
}
