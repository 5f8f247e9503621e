// The last messages handed to a structured user's socket, so a resume with `last=` can resend
// what the drop lost (docs/protocol.md "Resume"). A ring: every relayed message passes through
// here, and the oldest is overwritten, never shifted out; nothing is allocated before the first.

import type {Delivery} from './delivery.js';

export class RecentDeliveries {
	readonly #max: number;
	#ring: Delivery[] | undefined;
	/** Where the next delivery goes once the ring is full: the oldest one. */
	#oldest = 0;

	constructor(max: number) {
		this.#max = max;
	}

	push(delivery: Delivery): void {
		if (this.#max <= 0) return;
		const ring = (this.#ring ??= []);
		if (ring.length < this.#max) {
			ring.push(delivery);
			return;
		}

		ring[this.#oldest] = delivery;
		this.#oldest = (this.#oldest + 1) % this.#max;
	}

	/** Oldest first. */
	toArray(): Delivery[] {
		const ring = this.#ring;
		if (ring === undefined) return [];
		return [...ring.slice(this.#oldest), ...ring.slice(0, this.#oldest)];
	}

	clear(): void {
		this.#ring = undefined;
		this.#oldest = 0;
	}
}
