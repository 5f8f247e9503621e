// The conversations a session starts with: those the history kept open, each with its newest
// messages (the rest is paged in from disk), their partners listed as offline until online.
import type {ChatHistory} from '../../history/chat-history.js';
import {HISTORY_START_MESSAGES} from '../../client/limits.js';
import type {Conversation} from './chat-state.js';
import {fromHistory} from './history-pages.js';
import {logOf} from './message-log.js';

export function pastConversations(
	history: ChatHistory,
	sessionStart: number,
): Map<string, Conversation> {
	const conversations = new Map<string, Conversation>();
	for (const stored of history.conversations()) {
		const messages = history.latest(stored.partner, HISTORY_START_MESSAGES);
		conversations.set(stored.partner, {
			partner: stored.partner,
			log: logOf(
				messages.map((message) => fromHistory(message, sessionStart)),
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
