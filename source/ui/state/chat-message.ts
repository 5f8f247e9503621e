// One line of a conversation as the UI keeps it.

export type Delivery =
	| {state: 'sending'}
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
	/** Only on messages you sent: what the host said about them so far. */
	delivery?: Delivery;
	/** Only on messages you sent: the client's ref, to match the host's result. */
	ref?: string;
	/** Only on messages to you: it waited on the host while you were offline. */
	whileAway?: true;
};
