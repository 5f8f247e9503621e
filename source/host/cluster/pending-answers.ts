// The messages this host stamped and handed to another host, until their final answer
// (docs/cluster.md "Routing"), and how much waits on each host, in characters of their lines: the
// outbox sends a host no further ahead of its answers than UNANSWERED_CHARS_PER_HOST
// (frame-outbox.ts), and the routing pauses their senders sooner. A message on its way has a
// number of this host's (`seq`), which its answer names: a small integer is a cheaper key than
// the id, on the path of every message. One held in Redis waits by its id, which whoever hands it
// on answers with.

import type {Delivery} from '../relay/user.js';

/** A message on its way to another host, as the outbox keeps it until Redis took it. */
export type Forwarded = {
	readonly delivery: Delivery;
	/** Undefined for a message nobody here waits on (stamped elsewhere: it is answered there). */
	readonly seq: number | undefined;
};

export type Pending = Forwarded & {
	/** The host it waits on; undefined once it is held in Redis (it waits for its recipient). */
	readonly host: string | undefined;
	readonly sentAt: number;
};

/** Numbers go round here, far past what can wait at once (messages time out). */
const SEQ_LIMIT = 2 ** 30;

export class PendingAnswers {
	/** On their way, by seq. */
	readonly #sent = new Map<number, Pending>();
	/** Held in Redis, by id. */
	readonly #held = new Map<string, Pending>();
	readonly #waiting = new Map<string, number>();
	#nextSeq = 0;
	/** Told each time a host has fewer messages waiting on it. */
	readonly #eased: (host: string) => void;

	constructor(eased: (host: string) => void) {
		this.#eased = eased;
	}

	get size(): number {
		return this.#sent.size + this.#held.size;
	}

	/** Characters of the lines of the messages that wait on `host`'s answer. */
	waitingOn(host: string): number {
		return this.#waiting.get(host) ?? 0;
	}

	/** The message is on its way to `host`; its answer will name the returned entry's seq. */
	send(delivery: Delivery, host: string): Pending {
		const seq = this.#nextSeq;
		this.#nextSeq = (seq + 1) % SEQ_LIMIT;
		const entry: Pending = {delivery, seq, host, sentAt: Date.now()};
		this.#sent.set(seq, entry);
		this.#count(host, delivery.line.length);
		return entry;
	}

	/** The message waits in Redis for its recipient; its answer will name its id. */
	hold(delivery: Delivery): void {
		this.#forget(this.#held.get(delivery.id));
		this.#held.set(delivery.id, {delivery, seq: undefined, host: undefined, sentAt: Date.now()});
	}

	/** The message held as `id` is on its way to `host` now (taken from Redis); undefined if
	 * nothing here waits for it. */
	sendHeld(id: string, host: string): Pending | undefined {
		const entry = this.takeById(id);
		return entry === undefined ? undefined : this.send(entry.delivery, host);
	}

	/** The message `seq` was held by its recipient's host: it waits by its id now. */
	heldThere(seq: number): Pending | undefined {
		const entry = this.takeSent(seq);
		if (entry !== undefined) this.hold(entry.delivery);
		return entry;
	}

	/** The message on its way as `seq` is answered: forgotten, and given back. */
	takeSent(seq: number): Pending | undefined {
		const entry = this.#sent.get(seq);
		if (entry === undefined) return undefined;
		this.#sent.delete(seq);
		this.#count(entry.host, -entry.delivery.line.length);
		return entry;
	}

	/** The message `id` is answered by its id: forgotten, and given back. Usually it was held;
	 * one on its way is looked for too (its recipient's host held it again after a resume, or
	 * handed it on to the host the recipient moved to, which know it by its id only). */
	takeById(id: string): Pending | undefined {
		const entry = this.#held.get(id);
		if (entry !== undefined) {
			this.#held.delete(id);
			return entry;
		}

		for (const sent of this.#sent.values()) {
			if (sent.delivery.id === id) return this.takeSent(sent.seq ?? 0);
		}

		return undefined;
	}

	/** The held message, if `delivery` is the one held under its id. */
	heldAs(delivery: Delivery): Pending | undefined {
		const entry = this.#held.get(delivery.id);
		return entry?.delivery === delivery ? entry : undefined;
	}

	/** Forgets `pending` if it still waits; true if it did (then its sender is owed a result). */
	remove(pending: Pending): boolean {
		const {seq} = pending;
		const entry = seq === undefined ? this.#held.get(pending.delivery.id) : this.#sent.get(seq);
		if (entry !== pending) return false;
		this.#forget(entry);
		return true;
	}

	/** Every message waiting, on its way or held. */
	*entries(): IterableIterator<Pending> {
		yield* this.#sent.values();
		yield* this.#held.values();
	}

	#forget(entry: Pending | undefined): void {
		if (entry === undefined) return;
		if (entry.seq === undefined) this.#held.delete(entry.delivery.id);
		else this.takeSent(entry.seq);
	}

	#count(host: string | undefined, change: number): void {
		if (host === undefined) return;
		const waiting = (this.#waiting.get(host) ?? 0) + change;
		if (waiting > 0) this.#waiting.set(host, waiting);
		else this.#waiting.delete(host);
		if (change < 0) this.#eased(host);
	}
}
