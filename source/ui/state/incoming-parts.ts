// Incoming messages into their conversation, a message that travels in parts (docs/protocol.md
// "Long and multi-line messages") growing as its parts come: one message under one stamp, shown
// as it arrives, whatever the partner sends in between.
import type {ChatMessage} from './chat-message.js';
import type {ChatState} from './chat-state.js';
import {addMessages, conversationOf, withConversation} from './conversation-updates.js';
import {indexOfSeq, updateMessage} from './message-log.js';

export type IncomingMessage = {time: number; text: string; more?: number; action?: boolean};

function continued(message: ChatMessage, part: IncomingMessage): ChatMessage {
	const joined: ChatMessage = {
		...message,
		text: message.text + '\n'.repeat(message.more ?? 1) + part.text,
	};
	if (part.more === undefined) delete joined.more;
	else joined.more = part.more;
	return joined;
}

/** Adds what `from` sent; returns the state and how many messages began (not parts that continued one). */
export function addIncoming(
	state: ChatState,
	from: string,
	incoming: readonly IncomingMessage[],
): {state: ChatState; started: number} {
	let next = state;
	let started = 0;
	let fresh: Array<Omit<ChatMessage, 'seq'>> = [];
	const flush = () => {
		if (fresh.length === 0) return;
		next = addMessages(next, from, fresh).state;
		fresh = [];
	};

	for (const part of incoming) {
		const conversation = conversationOf(next, from);
		const open = conversation.openSeq;
		if (open !== undefined && fresh.length === 0 && indexOfSeq(conversation.log, open) !== -1) {
			const log = updateMessage(conversation.log, open, (message) => continued(message, part));
			const openSeq = part.more === undefined ? undefined : open;
			next = withConversation(next, {...conversation, log, openSeq});
			continue;
		}

		started++;
		const message: Omit<ChatMessage, 'seq'> = {time: part.time, from, text: part.text};
		if (part.action === true) message.action = true;
		if (part.more === undefined) {
			fresh.push(message);
			continue;
		}

		message.more = part.more;
		fresh.push(message);
		flush();
		const opened = conversationOf(next, from);
		next = withConversation(next, {...opened, openSeq: opened.log.nextSeq - 1});
	}

	flush();
	return {state: next, started};
}

/** `from` left with a message unfinished: it ends as it is, and their next message is a new one. */
export function endOpenMessage(state: ChatState, from: string): ChatState {
	const conversation = state.conversations.get(from);
	const open = conversation?.openSeq;
	if (conversation === undefined || open === undefined) return state;
	const log = updateMessage(conversation.log, open, (message) => {
		const ended = {...message};
		delete ended.more;
		return ended;
	});
	return withConversation(state, {...conversation, log, openSeq: undefined});
}
