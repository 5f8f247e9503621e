// The window of a conversation kept in memory while history is on: pages read from disk are put
// before or after it, or replace it (Home, End, a search result), and it never grows past
// HISTORY_WINDOW_MESSAGES, the far end being read back when scrolled to.
import type {HistoryMessage} from '../../history/chat-history.js';
import {
	HISTORY_PAGE_MESSAGES,
	HISTORY_START_MESSAGES,
	HISTORY_WINDOW_MESSAGES,
} from '../../client/limits.js';
import type {ChatMessage} from './chat-message.js';
import type {ChatState, Conversation} from './chat-state.js';
import {conversationOf, withConversation} from './conversation-updates.js';
import type {HistoryTask} from './history-tasks.js';
import {
	appendMessages,
	indexOfUid,
	keepMessages,
	logOf,
	messageAt,
	messagesOf,
	prependMessages,
	type MessageLog,
} from './message-log.js';
import {queueTask} from './queue-history-task.js';
import {scrollDown, scrollUp, type ScrollAnchor} from './visible-window.js';

type ViewSize = {width: number; height: number};

/** A message read from disk, as the log keeps it. */
export function fromHistory(
	message: HistoryMessage,
	sessionStart: number,
	partner: string,
): Omit<ChatMessage, 'seq'> {
	const kept: Omit<ChatMessage, 'seq'> = {
		time: message.time,
		from: message.from,
		text: message.text,
		uid: message.uid,
	};
	const {delivery} = message;
	// Stored for the partner, who was offline: the screen says for whom.
	if (delivery)
		kept.delivery = delivery.state === 'stored' ? {state: 'stored', recipient: partner} : delivery;
	if (message.action === true) kept.action = true;
	if (message.time < sessionStart) kept.earlier = true;
	return kept;
}

/**
 * Where message `index` stands on disk. Event lines are not stored: the nearest stored message
 * inwards from `index` (towards the other end of the window) stands for it.
 */
function positionOf(log: MessageLog, index: number) {
	const step = index === 0 ? 1 : -1;
	for (let at = index; at >= 0 && at < log.length; at += step) {
		const message = messageAt(log, at);
		if (message?.uid !== undefined) return {time: message.time, uid: message.uid};
	}
	return undefined;
}

/** Asks for the page before the window, when there is one on disk. */
export function loadOlder(state: ChatState, partner: string): ChatState {
	const conversation = conversationOf(state, partner);
	if (!conversation.olderStored) return state;
	return queueTask(state, {type: 'older', partner, before: positionOf(conversation.log, 0)});
}

/** A conversation shown with less than a screen in memory and more on disk reads a page. */
export function readShownPartner(state: ChatState): ChatState {
	const partner = state.partner;
	if (!state.historyOn || partner === undefined) return state;
	const conversation = state.conversations.get(partner);
	if (!conversation?.olderStored || conversation.log.length >= HISTORY_START_MESSAGES) return state;
	return loadOlder(state, partner);
}

/** Asks for the page after the window, when there is one on disk. */
export function loadNewer(state: ChatState, partner: string): ChatState {
	const conversation = conversationOf(state, partner);
	const after = positionOf(conversation.log, conversation.log.length - 1);
	if (!conversation.newerStored || !after) return state;
	return queueTask(state, {type: 'newer', partner, after});
}

/** The anchor that shows message `index` in the middle of the view. */
function centredOn(log: MessageLog, index: number, view: ViewSize): ScrollAnchor | undefined {
	const message = messageAt(log, index);
	if (!message) return undefined;
	const half = Math.floor(view.height / 2);
	return scrollDown(log, {seq: message.seq, skip: 0}, half, view.width);
}

/**
 * A page asked for while the window was empty can hold what arrived since, as it was committed
 * by then: what the window has already is not put in twice.
 */
function notShown(log: MessageLog, messages: HistoryMessage[]): HistoryMessage[] {
	if (log.length === 0) return messages;
	const shown = new Set(messagesOf(log).map((message) => message.uid));
	return messages.filter((message) => !shown.has(message.uid));
}

function olderPage(
	conversation: Conversation,
	page: HistoryMessage[],
	start: number,
): Conversation {
	const messages = notShown(conversation.log, page);
	let log = prependMessages(
		conversation.log,
		messages.map((message) => fromHistory(message, start, conversation.partner)),
	);
	const olderStored = page.length >= HISTORY_PAGE_MESSAGES;
	if (log.length <= HISTORY_WINDOW_MESSAGES) return {...conversation, log, olderStored};
	// Scrolled up, the newest end goes; following the newest, the oldest does.
	if (conversation.scroll) {
		log = keepMessages(log, HISTORY_WINDOW_MESSAGES, 'oldest');
		return {...conversation, log, olderStored, newerStored: true};
	}
	log = keepMessages(log, HISTORY_WINDOW_MESSAGES, 'newest');
	return {...conversation, log, olderStored: true};
}

function newerPage(
	conversation: Conversation,
	messages: HistoryMessage[],
	start: number,
): Conversation {
	let log = appendMessages(
		conversation.log,
		messages.map((message) => fromHistory(message, start, conversation.partner)),
		Number.POSITIVE_INFINITY,
	);
	const newerStored = messages.length >= HISTORY_PAGE_MESSAGES;
	let {olderStored} = conversation;
	if (log.length > HISTORY_WINDOW_MESSAGES) {
		log = keepMessages(log, HISTORY_WINDOW_MESSAGES, 'newest');
		olderStored = true;
	}
	const newBelow = newerStored ? conversation.newBelow : 0;
	return {...conversation, log, olderStored, newerStored, newBelow};
}

/** A new window in place of the old one, numbered on from it so no seq means two messages. */
function replaced(
	conversation: Conversation,
	messages: HistoryMessage[],
	start: number,
): MessageLog {
	return logOf(
		messages.map((message) => fromHistory(message, start, conversation.partner)),
		conversation.log.nextSeq,
	);
}

/** Puts a page the history effect read into its conversation. */
export function applyPage(
	state: ChatState,
	task: Extract<HistoryTask, {partner: string}>,
	messages: HistoryMessage[],
): ChatState {
	const conversation = conversationOf(state, task.partner);
	switch (task.type) {
		case 'older': {
			return withConversation(state, olderPage(conversation, messages, state.sessionStart));
		}
		case 'newer': {
			return withConversation(state, newerPage(conversation, messages, state.sessionStart));
		}
		case 'oldest': {
			const log = replaced(conversation, messages, state.sessionStart);
			const scroll = scrollUp(
				log,
				undefined,
				log.length * task.view.height,
				task.view.width,
				task.view.height,
			);
			const newerStored = messages.length >= HISTORY_PAGE_MESSAGES;
			return withConversation(state, {
				...conversation,
				log,
				scroll,
				olderStored: false,
				newerStored,
			});
		}
		case 'newest': {
			const log = replaced(conversation, messages, state.sessionStart);
			const olderStored = messages.length >= HISTORY_PAGE_MESSAGES;
			return withConversation(state, {
				...conversation,
				log,
				scroll: undefined,
				newBelow: 0,
				olderStored,
				newerStored: false,
			});
		}
		case 'around': {
			const log = replaced(conversation, messages, state.sessionStart);
			const index = indexOfUid(log, task.hit.uid);
			const half = Math.floor(HISTORY_PAGE_MESSAGES / 2);
			const before = index;
			const after = log.length - 1 - index;
			return withConversation(state, {
				...conversation,
				log,
				scroll: centredOn(log, index, task.view),
				olderStored: before >= half,
				newerStored: after >= half,
			});
		}
		default: {
			return state;
		}
	}
}
