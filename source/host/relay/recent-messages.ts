// The last MSG lines handed to a structured user's socket, so a resume with `last=` can resend
// what the drop lost (docs/protocol.md "Resume"). A ring: every relayed message passes through
// here, and the oldest is overwritten, never shifted out; nothing is allocated before the first.
// Only the line is kept (its id is in it): one small flat string a message is all that outlives
// the relay, which keeps the young-generation GC pauses short under a steady load.

import {msgIdAndTime} from '../../protocol/structured-messages.js';

export class RecentMessages {
	readonly #max: number;
	#ring: string[] | undefined;
	/** Where the next line goes once the ring is full: the oldest one. */
	#oldest = 0;

	constructor(max: number) {
		this.#max = max;
	}

	push(msgLine: string): void {
		if (this.#max <= 0) return;
		const ring = (this.#ring ??= []);
		if (ring.length < this.#max) {
			ring.push(msgLine);
			return;
		}

		ring[this.#oldest] = msgLine;
		this.#oldest = (this.#oldest + 1) % this.#max;
	}

	/** The lines of the messages after id `lastId`, oldest first. */
	after(lastId: number): string[] {
		return this.toArray().filter((line) => Number(msgIdAndTime(line).id) > lastId);
	}

	/** Oldest first. */
	toArray(): string[] {
		const ring = this.#ring;
		if (ring === undefined) return [];
		return [...ring.slice(this.#oldest), ...ring.slice(0, this.#oldest)];
	}

	clear(): void {
		this.#ring = undefined;
		this.#oldest = 0;
	}
}
