// Our messages from `send()` until the host gives each its final result. A message stays here
// after it was written, so one that got no answer before a drop is resent with the same ref
// (the host dedupes refs per user, docs/protocol.md "SEND").
import type {MessageOptions} from '../protocol/message-options.js';
import {MAX_QUEUED_MESSAGES} from './limits.js';

type PendingSend = {ref: string; to: string; text: string; options?: MessageOptions};

export type PendingSends = {
	/** Number of messages still without a final result. */
	readonly size: number;
	/** Whether a ref is still waiting for its final result. */
	has(ref: string): boolean;
	/** Adds a message; false when the queue is full. */
	add(message: PendingSend): boolean;
	/** The messages not yet written on the current connection, in the order they were sent; marks them written. */
	takeUnwritten(): PendingSend[];
	/** The first message not yet written on the current connection, marked written; one at a time, for pacing. */
	nextUnwritten(): PendingSend | undefined;
	/** Whether a message is still to be written on the current connection. */
	hasUnwritten(): boolean;
	/** Removes a message on its final result; false if the ref is not ours (or already settled). */
	settle(ref: string): boolean;
	/** The connection is gone: everything unsettled must be written again on the next one. */
	markAllUnwritten(): void;
	/** Empties the queue, returning what was in it (to fail each one with a reason). */
	drain(): PendingSend[];
};

export function createPendingSends(capacity = MAX_QUEUED_MESSAGES): PendingSends {
	// A Map keeps insertion order, which is the order the user sent in.
	const pending = new Map<string, {message: PendingSend; written: boolean}>();
	return {
		get size() {
			return pending.size;
		},
		has(ref) {
			return pending.has(ref);
		},
		add(message) {
			if (pending.size >= capacity) {
				return false;
			}

			pending.set(message.ref, {message, written: false});
			return true;
		},
		takeUnwritten() {
			const out: PendingSend[] = [];
			for (const entry of pending.values()) {
				if (!entry.written) {
					entry.written = true;
					out.push(entry.message);
				}
			}

			return out;
		},
		nextUnwritten() {
			for (const entry of pending.values()) {
				if (!entry.written) {
					entry.written = true;
					return entry.message;
				}
			}

			return undefined;
		},
		hasUnwritten() {
			for (const entry of pending.values()) if (!entry.written) return true;
			return false;
		},
		settle(ref) {
			return pending.delete(ref);
		},
		markAllUnwritten() {
			for (const entry of pending.values()) {
				entry.written = false;
			}
		},
		drain() {
			const out = [...pending.values()].map((entry) => entry.message);
			pending.clear();
			return out;
		},
	};
}
