// One line of a conversation as the UI keeps it.

export type Delivery =
	/** `sent` of `total` parts delivered so far, for a message that travels in parts. */
	| {state: 'sending'; sent?: number; total?: number}
	| {state: 'held'}
	/** Kept by the host for `recipient`, who is offline. */
	| {state: 'stored'; recipient: string}
	| {state: 'delivered'}
	| {state: 'failed'; reason: string};

export type ChatMessage = {
	/** Position in its conversation, counting from the first message ever stored there. */
	seq: number;
	time: number;
	from: string;
	text: string;
	/**
	 * Its key in the local history: the host's id for a received message, the session's own for
	 * a sent one. With (time, uid) the history pages from it.
	 */
	uid?: string;
	/** Read from the history, from before this session: the session's line goes after it. */
	earlier?: boolean;
	/** Only on messages you sent: what the host said about them so far. */
	delivery?: Delivery;
	/** Only on messages you sent: the client's ref, to match the host's result. */
	ref?: string;
	/** A line about the conversation (`bob left`, `connection lost`), not a message: `text` says it. */
	event?: true;
	/** A `/me`: drawn `* alice waves`. */
	action?: boolean;
	/** A message still arriving in parts: the next part follows after this many line breaks. */
	more?: number;
	/** Only on messages to you: it waited on the host while you were offline. */
	whileAway?: true;
};
