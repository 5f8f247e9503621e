// The local history as the chat screen sees it: one host, one own name. The UI is given this
// interface (as it is given the ChatClient), so its tests use a fake and it never opens a file.

/** `stored`: kept by the host for an owner who is offline (its DELIVERED may come in a later
 * session, which the history does not wait for). */
export type HistoryDelivery =
	| {state: 'sending'}
	| {state: 'held'}
	| {state: 'stored'}
	| {state: 'delivered'}
	| {state: 'failed'; reason: string};

/** Where a message sits in its conversation: history is ordered by time, then uid. */
export type HistoryPosition = {time: number; uid: string};

export type HistoryMessage = HistoryPosition & {
	from: string;
	text: string;
	/** A `/me`: the text says what `from` does. */
	action?: boolean;
	/** Only on messages you sent. */
	delivery?: HistoryDelivery;
};

/** A message of an earlier session, in the conversation with `partner`, delivered now. */
export type EarlierDelivered = {partner: string; uid: string};

export type StoredConversation = {partner: string; messages: number; lastTime: number};

export type SearchHit = {partner: string; message: HistoryMessage};

export type ChatHistory = {
	/** The conversations not closed, most recent first. */
	conversations(): StoredConversation[];
	/** The newest `limit` messages, oldest first; `earliest` the oldest ones. */
	latest(partner: string, limit: number): HistoryMessage[];
	earliest(partner: string, limit: number): HistoryMessage[];
	/** Up to `limit` messages just before (or after) `at`, oldest first. */
	before(partner: string, at: HistoryPosition, limit: number): HistoryMessage[];
	after(partner: string, at: HistoryPosition, limit: number): HistoryMessage[];
	/** Messages whose text holds `text` (case and accents folded), newest first. */
	search(text: string, partner: string | undefined, limit: number): SearchHit[];
	/** Keeps a message; `ref` (a sent message's) lets `recordResult` find it. */
	record(partner: string, message: HistoryMessage, ref?: string): void;
	/** Keeps the host's answer to a sent message. A DELIVERED for the ref of a message an earlier
	 * session sent, and the host stored, marks that one delivered, and says which it was. */
	recordResult(ref: string, delivery: HistoryDelivery): EarlierDelivered | undefined;
	/** Hides a conversation from the next session's list until a new message comes. */
	closeConversation(partner: string): void;
	/** Deletes a conversation and every message of it. */
	forgetConversation(partner: string): void;
};
