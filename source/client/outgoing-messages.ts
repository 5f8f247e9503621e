// Our messages as the parts they travel in (message-parts.ts), from `send()` until every part has
// its result: parts are handed out one at a time, as the pacer lets them go, and the host's
// answers for parts become one result per message, with its progress on the way.
import type {MessageOptions} from '../protocol/message-options.js';
import type {ClientEvent} from './chat-client.js';
import type {MessagePart} from './message-parts.js';

export type WirePart = {ref: string; to: string; text: string; options?: MessageOptions};

type Outgoing = {
	ref: string;
	to: string;
	parts: readonly MessagePart[];
	action: boolean;
	/** Parts handed out so far. */
	handed: number;
	delivered: number;
	/** Parts handed out that have no final result yet. */
	inFlight: number;
	heldSaid: boolean;
	failed: boolean;
};

type ResultEvent = Extract<ClientEvent, {type: 'held' | 'stored' | 'delivered' | 'failed'}>;

export type OutgoingMessages = {
	/** Messages without their final result. */
	readonly size: number;
	add(message: {ref: string; to: string; parts: readonly MessagePart[]; action: boolean}): void;
	/** Whether a part is waiting to be handed out. */
	hasWaiting(): boolean;
	/** The next part to write, in the order messages were sent; it gets its own ref. */
	takePart(): WirePart | undefined;
	/** A part's result, as the events of its message (none while its other parts are on the way). */
	settle(event: ResultEvent): ClientEvent[];
	/** Forgets every message still without a result; returns their refs, to fail each one. */
	drain(): string[];
};

export function createOutgoingMessages(nextRef: () => string): OutgoingMessages {
	const messages: Outgoing[] = [];
	const byPartRef = new Map<string, Outgoing>();
	let head = 0;

	const finish = (message: Outgoing) => {
		const index = messages.indexOf(message);
		if (index !== -1) messages.splice(index, 1);
		if (index !== -1 && index < head) head--;
	};

	const waiting = (): Outgoing | undefined => {
		while (head < messages.length) {
			const message = messages[head];
			if (message !== undefined && message.handed < message.parts.length && !message.failed) {
				return message;
			}

			head++;
		}

		return undefined;
	};

	const settlePart = (message: Outgoing, event: ResultEvent): ClientEvent[] => {
		const total = message.parts.length;
		const {ref} = message;
		if (event.type === 'held') {
			if (message.heldSaid || message.failed) return [];
			message.heldSaid = true;
			return [{...event, ref}];
		}

		message.inFlight--;
		if (event.type === 'failed') {
			const first = !message.failed;
			message.failed = true;
			if (message.inFlight === 0) finish(message);
			if (!first) return [];
			const reason = `${event.reason} (${message.delivered} of ${total} parts were delivered)`;
			return [{...event, ref, reason}];
		}

		message.delivered++;
		if (message.failed) {
			if (message.inFlight === 0) finish(message);
			return [];
		}

		if (message.delivered === total) {
			finish(message);
			return [{...event, ref}];
		}

		return [{type: 'progress', ref, sent: message.delivered, total}];
	};

	return {
		get size() {
			return messages.length;
		},
		add({ref, to, parts, action}) {
			messages.push({
				ref,
				to,
				parts,
				action,
				handed: 0,
				delivered: 0,
				inFlight: 0,
				heldSaid: false,
				failed: false,
			});
		},
		hasWaiting: () => waiting() !== undefined,
		takePart() {
			const message = waiting();
			const part = message?.parts[message.handed];
			if (message === undefined || part === undefined) return undefined;
			// The first part's ref is the message's: a one-part message is the SEND it always was.
			const ref = message.handed === 0 ? message.ref : nextRef();
			message.handed++;
			message.inFlight++;
			byPartRef.set(ref, message);
			const options: MessageOptions = {};
			if (message.action) options.action = true;
			if (part.more !== undefined) options.more = part.more;
			return options.action === undefined && options.more === undefined
				? {ref, to: message.to, text: part.text}
				: {ref, to: message.to, text: part.text, options};
		},
		settle(event) {
			const message = byPartRef.get(event.ref);
			if (message === undefined) return [event];
			if (event.type !== 'held') byPartRef.delete(event.ref);
			if (message.parts.length === 1) {
				if (event.type !== 'held') finish(message);
				return [event];
			}

			return settlePart(message, event);
		},
		drain() {
			const refs = messages.filter((message) => !message.failed).map((message) => message.ref);
			messages.length = 0;
			byPartRef.clear();
			head = 0;
			return refs;
		},
	};
}
