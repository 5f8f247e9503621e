// The messages this host stamped and handed to another host, until their final answer
// (docs/cluster.md "Routing"), and how much waits on each host, in characters of their lines: the
// outbox sends a host no further ahead of its answers than UNANSWERED_CHARS_PER_HOST
// (frame-outbox.ts).

import type {Delivery} from '../relay/user.js';

export type Pending = {
	readonly delivery: Delivery;
	/** The host it waits on; undefined once it is held in Redis (it waits for its recipient). */
	readonly host: string | undefined;
	readonly sentAt: number;
};

type Entry = {delivery: Delivery; host: string | undefined; sentAt: number};

export class PendingAnswers {
	readonly #entries = new Map<string, Entry>();
	readonly #waiting = new Map<string, number>();
	/** Told each time a host has a message fewer waiting on it. */
	readonly #eased: (host: string) => void;

	constructor(eased: (host: string) => void) {
		this.#eased = eased;
	}

	get size(): number {
		return this.#entries.size;
	}

	get(id: string): Pending | undefined {
		return this.#entries.get(id);
	}

	/** Characters of the lines of the messages that wait on `host`'s answer. */
	waitingOn(host: string): number {
		return this.#waiting.get(host) ?? 0;
	}

	add(delivery: Delivery, host: string | undefined): void {
		this.delete(delivery.id);
		this.#entries.set(delivery.id, {delivery, host, sentAt: Date.now()});
		if (host !== undefined) this.#count(host, delivery.line.length);
	}

	/** The message waits on `host` now (undefined: held in Redis). */
	moveTo(id: string, host: string | undefined): void {
		const entry = this.#entries.get(id);
		if (entry === undefined || entry.host === host) return;
		const before = entry.host;
		entry.host = host;
		const chars = entry.delivery.line.length;
		if (host !== undefined) this.#count(host, chars);
		if (before !== undefined) this.#count(before, -chars);
	}

	/** Forgets the message; its entry, if it was waiting. */
	delete(id: string): Pending | undefined {
		const entry = this.#entries.get(id);
		if (entry === undefined) return undefined;
		this.#entries.delete(id);
		if (entry.host !== undefined) this.#count(entry.host, -entry.delivery.line.length);
		return entry;
	}

	entries(): IterableIterator<[string, Pending]> {
		return this.#entries.entries();
	}

	#count(host: string, change: number): void {
		const waiting = (this.#waiting.get(host) ?? 0) + change;
		if (waiting > 0) this.#waiting.set(host, waiting);
		else this.#waiting.delete(host);
		if (change < 0) this.#eased(host);
	}
}
