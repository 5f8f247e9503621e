// One line of a conversation as the UI keeps it.

export type Delivery =
	{state: 'sending'} | {state: 'held'} | {state: 'delivered'} | {state: 'failed'; reason: string};

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
	/** A line about the conversation (`bob left`, `connection lost`), not a message: `text` says it. */
	event?: true;
};
