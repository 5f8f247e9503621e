// Changes to conversations: adding messages, switching the shown partner, delivery results.
import type {ChatMessage, Delivery} from './chat-message.js';
import {emptyConversation, type ChatState, type Conversation} from './chat-state.js';
import {swapDraft} from './drafts.js';
import {HISTORY_WINDOW_MESSAGES} from '../../client/limits.js';
import {nameKey} from '../../protocol/name-rules.js';
import {appendMessages, indexOfUid, messageAt, updateMessage} from './message-log.js';
import {queueTask} from './queue-history-task.js';
import {conversationNumbered, conversationUnnumbered, removeUser} from './roster-updates.js';

export function conversationOf(state: ChatState, name: string): Conversation {
	return state.conversations.get(name) ?? emptyConversation(name, state.historyOn);
}

/** Sets a conversation; one not open before is opened, and takes the next Alt+digit number. */
export function withConversation(state: ChatState, conversation: Conversation): ChatState {
	const conversations = new Map(state.conversations);
	conversations.set(conversation.partner, conversation);
	const next = {...state, conversations};
	return state.conversations.has(conversation.partner)
		? next
		: conversationNumbered(next, conversation.partner);
}

/** Adds messages to the conversation with `partner`; a scrolled-up view counts them as new below. */
export function addMessages(
	state: ChatState,
	partner: string,
	messages: ReadonlyArray<Omit<ChatMessage, 'seq'>>,
): {state: ChatState; seq: number} {
	const conversation = conversationOf(state, partner);
	if (state.historyOn) return addToWindow(state, conversation, messages);
	const log = appendMessages(conversation.log, messages);
	const newBelow = conversation.scroll ? conversation.newBelow + messages.length : 0;
	return {
		state: withConversation(state, {...conversation, log, newBelow}),
		seq: log.nextSeq - 1,
	};
}

/**
 * With history on, memory holds a window: following, the oldest messages leave it (they are on
 * disk); scrolled up with a full window, or while newer messages are on disk anyway, new ones
 * stay on disk until scrolled to, and only count as new below.
 */
function addToWindow(
	state: ChatState,
	conversation: Conversation,
	messages: ReadonlyArray<Omit<ChatMessage, 'seq'>>,
): {state: ChatState; seq: number} {
	const full = conversation.log.length >= HISTORY_WINDOW_MESSAGES;
	if (conversation.newerStored || (conversation.scroll && full)) {
		// Event lines are never stored, so they cannot wait on disk: they are left out.
		const stored = messages.filter((message) => message.event !== true);
		if (stored.length === 0) return {state, seq: -1};
		const newBelow = conversation.newBelow + stored.length;
		const next = {...conversation, newerStored: true, newBelow};
		return {state: withConversation(state, next), seq: -1};
	}
	const log = appendMessages(conversation.log, messages, HISTORY_WINDOW_MESSAGES);
	const olderStored =
		conversation.olderStored === true || log.firstSeq !== conversation.log.firstSeq;
	const newBelow = conversation.scroll ? conversation.newBelow + messages.length : 0;
	return {
		state: withConversation(state, {...conversation, log, newBelow, olderStored}),
		seq: log.nextSeq - 1,
	};
}

/** Shows the conversation with `name`: its unread count is cleared and a notice about it too. */
export function switchPartner(state: ChatState, name: string): ChatState {
	const conversation = conversationOf(state, name);
	const drafted = swapDraft(state, name);
	const switched: ChatState = {...drafted, partner: name, notice: undefined, unsent: undefined};
	// A line that found no partner comes back for this one, unless a new one is being typed (it
	// stays in the history either way).
	const {unsent} = state;
	const restored: ChatState =
		unsent === undefined || drafted.input.text !== ''
			? switched
			: {
					...switched,
					input: {text: unsent, cursor: unsent.length},
					notice: {tone: 'info', text: `your unsent text is back: Enter sends it to ${name}`},
				};
	return withConversation(restored, {...conversation, unread: 0});
}

/** Closes the shown conversation; a user who already left then leaves the list as well. */
export function closeConversation(state: ChatState): ChatState {
	const name = state.partner;
	if (name === undefined) {
		return {...state, notice: {tone: 'error', text: 'there is no conversation to close'}};
	}
	const conversations = new Map(state.conversations);
	conversations.delete(name);
	const closed: ChatState = {
		...state,
		conversations,
		partner: undefined,
		notice: {tone: 'info', text: `closed the conversation with ${name}`},
	};
	// Kept on disk, hidden from the next session's list until a new message comes.
	const kept = conversationUnnumbered(queueTask(closed, {type: 'close', partner: name}), name);
	return state.presence.get(name) === 'offline' ? removeUser(kept, name) : kept;
}

/** Records the host's result for the message sent as `ref`; `final` results end the wait. */
export function setDelivery(
	state: ChatState,
	ref: string,
	delivery: Delivery,
	final: boolean,
): ChatState {
	const waiting = state.pending.get(ref);
	if (!waiting) return state;
	const conversation = state.conversations.get(waiting.partner);
	let next = state;
	if (conversation) {
		// A window read again from disk numbers its messages anew: the uid still finds it.
		const {log: current} = conversation;
		const shown = messageAt(current, waiting.seq - current.firstSeq);
		const seq =
			waiting.uid === undefined || shown?.uid === waiting.uid
				? waiting.seq
				: current.firstSeq + indexOfUid(current, waiting.uid);
		const log = updateMessage(current, seq, (message) => ({...message, delivery}));
		next = withConversation(state, {...conversation, log});
	}
	if (!final) return next;
	const pending = new Map(state.pending);
	pending.delete(ref);
	return {...next, pending};
}

/** A message an earlier session sent, which the host stored, reached its recipient: shown from
 * the history as stored, it reads delivered now (the history says which, by its uid). */
export function deliveredEarlier(state: ChatState, partner: string, uid: string): ChatState {
	// The history finds a conversation by the name's key, as the host compares names.
	const key = nameKey(partner);
	const conversation =
		state.conversations.get(partner) ??
		[...state.conversations.values()].find((each) => nameKey(each.partner) === key);
	if (conversation === undefined) return state;
	const {log} = conversation;
	const index = indexOfUid(log, uid);
	if (index === -1) return state;
	const delivered = updateMessage(log, log.firstSeq + index, (message) => ({
		...message,
		delivery: {state: 'delivered'},
	}));
	return withConversation(state, {...conversation, log: delivered});
}
