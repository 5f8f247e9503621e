// The conversations a session starts with: those the history kept open, the most recent with
// their newest messages (the rest is paged in from disk when shown), their partners listed as
// offline until online.
import type {ChatHistory} from '../../history/chat-history.js';
import {HISTORY_START_CONVERSATIONS, HISTORY_START_MESSAGES} from '../../client/limits.js';
import type {Conversation} from './chat-state.js';
import {fromHistory} from './history-pages.js';
import {logOf} from './message-log.js';

export function pastConversations(
	history: ChatHistory,
	sessionStart: number,
): Map<string, Conversation> {
	const conversations = new Map<string, Conversation>();
	// Most recent first: readShownPartner reads the page of one left empty once it is shown.
	for (const [index, stored] of history.conversations().entries()) {
		const messages =
			index < HISTORY_START_CONVERSATIONS
				? history.latest(stored.partner, HISTORY_START_MESSAGES)
				: [];
		conversations.set(stored.partner, {
			partner: stored.partner,
			log: logOf(
				messages.map((message) => fromHistory(message, sessionStart, stored.partner)),
				0,
			),
			unread: 0,
			newBelow: 0,
			olderStored: stored.messages > messages.length,
			sessionStart,
		});
	}
	return conversations;
}
