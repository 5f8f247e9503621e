// The whole UI state as one value, and the questions views ask of it. Changed only by the reducer.
import type {ConnectionState} from '../../client/chat-client.js';
import {nameKey} from '../../protocol/name-rules.js';
import type {Completion} from './complete-name.js';
import {emptyInputLine, type InputLine} from './input-editing.js';
import {emptyLog, type MessageLog} from './message-log.js';
import {numbersInOrder} from './list-numbers.js';
import type {ScrollAnchor} from './visible-window.js';
import type {HistoryTask, SearchView} from './history-tasks.js';

export type Presence = 'online' | 'away' | 'offline';

export type Conversation = {
	partner: string;
	log: MessageLog;
	unread: number;
	/** Undefined while the view follows the newest message. */
	scroll?: ScrollAnchor;
	/** Messages that arrived while scrolled up. */
	newBelow: number;
	/** After /clear: the first message shown at the bottom; PgUp still shows the ones before. */
	clearedAt?: number;
	/** The seq of a message from the partner whose later parts are still to come. */
	openSeq?: number;
	/** With history on: older messages than the log's first are on disk, to be paged in. */
	olderStored?: boolean;
	/** With history on: newer messages than the log's last are on disk (after a jump back). */
	newerStored?: boolean;
	/** Set when the conversation has messages from an earlier session: the line goes there. */
	sessionStart?: number;
};

export type Notice = {
	tone: 'error' | 'info';
	text: string;
	/** Why the connection is being retried: said until the next login, and gone with it. */
	untilConnected?: boolean;
};

/** A message the reducer decided to send; the client effect sends it and reports its ref. */
export type OutgoingMessage = {
	localId: number;
	to: string;
	text: string;
	seq: number;
	action?: boolean;
	/** For the history: when it was typed, and its key there. */
	time?: number;
	uid?: string;
};

export type ChatState = {
	self: string;
	follow: boolean;
	connection: ConnectionState;
	connectionDetail?: string;
	/** While waiting to try the host again: when (ms since the epoch), for the countdown. */
	retryAt?: number;
	/** What keeps us out, when more than a lost connection (a name someone else has now). */
	retryWhy?: string;
	/** False until the first welcome: the spinner shows until then. */
	welcomed: boolean;
	/** The host that took the last login, when the client said (one of a cluster's addresses). */
	connectedHost?: string;
	/**
	 * The user list: online, away and offline users whose conversation is still open; the open
	 * conversations first, in the order of their numbers, then the others by name.
	 */
	users: readonly string[];
	/**
	 * Each open conversation's number, the digit of Alt+digit: given when it is opened, kept while it
	 * stays open (list-numbers.ts).
	 */
	numbers: ReadonlyMap<string, number>;
	presence: ReadonlyMap<string, Presence>;
	/** Who was seen leaving this session: a message to them that fails says they left. */
	left?: ReadonlySet<string>;
	/** The key fingerprint of each user who proved one (docs/protocol.md "Identity"). */
	fingerprints: ReadonlyMap<string, string>;
	conversations: ReadonlyMap<string, Conversation>;
	partner?: string;
	/** When you last chose a partner yourself (following-rule.ts), as ms since the epoch. */
	chosenAt?: number;
	input: InputLine;
	completion?: Completion;
	history: readonly string[];
	/** Index into `history` while browsing it with Up/Down. */
	historyIndex?: number;
	/** The line being typed before browsing history started. */
	draft: string;
	/** A line Enter could not send for want of a partner: back in the input once one is chosen. */
	unsent?: string;
	/** Half-typed input of the conversations not shown, by partner (as WeeChat keeps one per buffer). */
	drafts: ReadonlyMap<string, InputLine>;
	/** A long message waits for Enter (send) or Esc (edit) before it goes. */
	confirmSend?: {to: string; lines: number};
	notice?: Notice;
	helpOpen: boolean;
	/** First help row shown, when the help is longer than the screen. */
	helpOffset: number;
	outbox: readonly OutgoingMessage[];
	nextLocalId: number;
	/** Messages awaiting the host's result, by ref. */
	pending: ReadonlyMap<string, {partner: string; seq: number; uid?: string}>;
	/** Counts arrivals that should ring the bell; the attention hook rings when it grows. */
	bells: number;
	quitRequested: boolean;
	/** The question a quit asked (quit-question.ts) while messages wait; the next y or n answers. */
	quitAsking?: string;
	/**
	 * What the screen asked of the world outside the state, each a count that grows by one per
	 * request: a hook acts when it grows (reconnect now, redraw the terminal, suspend).
	 */
	requests: ScreenRequests;
	/** Whether a local history is kept: then conversations hold a window and page from disk. */
	historyOn: boolean;
	/** Names this session's sent messages in the history (`uid`), unique across sessions. */
	sessionId: string;
	/** When this session began, for the line that marks it in reopened conversations. */
	sessionStart: number;
	/** Reads and writes the history effect still has to do, in order. */
	historyTasks: readonly HistoryTask[];
	nextTaskId: number;
	/** The results of /search, while they are shown. */
	search?: SearchView;
	/** /forget asked for: the next key says yes (y) or no (anything else). */
	confirmForget?: string;
	/** Set when the UI must end: the runner restores the terminal and exits with this. */
	ended?: {exitCode: number; message?: string};
};

export type ScreenRequests = {reconnect: number; redraw: number; suspend: number};

export type InitialChatOptions = {
	self: string;
	follow: boolean;
	/** Conversations read from the history at start; undefined when no history is kept. */
	past?: ReadonlyMap<string, Conversation>;
	sessionId?: string;
	sessionStart?: number;
};

export function initialChatState(options: InitialChatOptions): ChatState {
	return {
		self: options.self,
		follow: options.follow,
		connection: 'connecting',
		welcomed: false,
		users: [],
		// Numbered in the history's order, most recent first: the history knows each one's last
		// message, not when it was opened, and the latest talk is the likeliest next.
		numbers: numbersInOrder(options.past?.keys() ?? []),
		presence: new Map(),
		fingerprints: new Map(),
		input: emptyInputLine,
		history: [],
		draft: '',
		drafts: new Map(),
		helpOpen: false,
		helpOffset: 0,
		outbox: [],
		nextLocalId: 1,
		pending: new Map(),
		bells: 0,
		quitRequested: false,
		requests: {reconnect: 0, redraw: 0, suspend: 0},
		historyOn: options.past !== undefined,
		sessionId: options.sessionId ?? 'session',
		sessionStart: options.sessionStart ?? 0,
		historyTasks: [],
		nextTaskId: 1,
		conversations: options.past ?? new Map(),
	};
}

export function emptyConversation(partner: string, historyOn = false): Conversation {
	const conversation: Conversation = {partner, log: emptyLog, unread: 0, newBelow: 0};
	// A conversation new to this session may have an earlier one on disk: PgUp looks.
	if (historyOn) conversation.olderStored = true;
	return conversation;
}

/**
 * The listed user a typed name means, if any: names are compared by the protocol's nameKey, as
 * the host and line mode compare them (case, width and look-alike letters do not matter).
 */
export function findUser(state: ChatState, typed: string): string | undefined {
	const key = nameKey(typed);
	return state.users.find((name) => nameKey(name) === key);
}

export function unreadTotal(state: ChatState): number {
	let total = 0;
	for (const conversation of state.conversations.values()) total += conversation.unread;
	return total;
}

/** Everyone online or away, you included. */
export function onlineCount(state: ChatState): number {
	let count = 1;
	for (const presence of state.presence.values()) if (presence !== 'offline') count++;
	return count;
}

export function unreadOf(state: ChatState, name: string): number {
	return state.conversations.get(name)?.unread ?? 0;
}
