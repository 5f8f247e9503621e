// The messages this host stamped and handed to another host, until their final answer
// (docs/cluster.md "Routing"), and how much waits on each host, in characters of their lines: the
// outbox sends a host no further ahead of its answers than UNANSWERED_CHARS_PER_HOST
// (frame-outbox.ts), and the routing pauses their senders sooner. A message on its way has a
// number of this host's (`seq`), which its answer names: a small integer is a cheaper key than
// the id, on the path of every message. One held in Redis waits by its id, which whoever hands it
// on answers with.

import type {Delivery} from '../relay/user.js';
import {SEQ_LIMIT} from './host-frames.js';

/** A message on its way to another host, as the outbox keeps it until Redis took it. */
export type Forwarded = {
	readonly delivery: Delivery;
	/** Undefined for a message nobody here waits on (stamped elsewhere: it is answered there). */
	readonly seq: number | undefined;
};

export type Pending = Forwarded & {
	/** The host it waits on; undefined once it is held in Redis (it waits for its recipient). */
	readonly host: string | undefined;
	/** What waits on that host, which its answer lessens. */
	readonly wait?: HostWait;
};

/** The ring's first size: it doubles whenever a message would land on one still waiting. */
const INITIAL_RING_SLOTS = 1024;
/** The ring grows no further: past this, the oldest still waiting move to a map. The ring spans
 * from the oldest unanswered message to the newest, so one answer lost in a flood would otherwise
 * grow it to every message of REMOTE_ANSWER_TIMEOUT_MS; this many cover what the senders' pause
 * (SENDER_PAUSE_CHARS) lets wait on each of a few hosts at once, in lines of 20 characters. */
export const MAX_RING_SLOTS = 2 ** 16;

/** How far `seq` is past `from`, going round at SEQ_LIMIT. */
function distance(from: number, seq: number): number {
	return (seq - from + SEQ_LIMIT) % SEQ_LIMIT;
}

/** What waits on one host: its messages' characters, kept where each entry can reach them. */
type HostWait = {readonly host: string; chars: number};

export class PendingAnswers {
	/** On their way: a ring indexed by seq, from the oldest that may still wait to the next.
	 * Numbers are given in order and mostly answered in order, so a ring costs less than a map. */
	#ring: Array<Pending | undefined> = new Array<Pending | undefined>(INITIAL_RING_SLOTS);
	#oldest = 0;
	#nextSeq = 0;
	#inRing = 0;
	/** On their way, older than the ring reaches back (their answers are late), by seq. */
	readonly #late = new Map<number, Pending>();
	/** Held in Redis, by id. */
	readonly #held = new Map<string, Pending>();
	/** Where the numbering stood at each recent `takeOverdue`, oldest first: no message needs a
	 * clock of its own, which would cost every message a reading of it. */
	readonly #marks: Array<{readonly at: number; readonly seq: number}> = [];
	readonly #waiting = new Map<string, HostWait>();
	/** Told each time a host has fewer messages waiting on it. */
	readonly #eased: (host: string) => void;

	/** `firstSeq`: the first number to give (a test starts near where numbers go round). */
	constructor(eased: (host: string) => void, firstSeq = 0) {
		this.#eased = eased;
		this.#oldest = firstSeq;
		this.#nextSeq = firstSeq;
	}

	get size(): number {
		return this.#inRing + this.#late.size + this.#held.size;
	}

	/** Characters of the lines of the messages that wait on `host`'s answer. */
	waitingOn(host: string): number {
		return this.#waiting.get(host)?.chars ?? 0;
	}

	/** The message is on its way to `host`; its answer will name the returned entry's seq. */
	send(delivery: Delivery, host: string): Pending {
		const seq = this.#nextSeq;
		this.#makeRoom(seq);
		this.#nextSeq = (seq + 1) % SEQ_LIMIT;
		let wait = this.#waiting.get(host);
		if (wait === undefined) {
			wait = {host, chars: 0};
			this.#waiting.set(host, wait);
		}

		const entry: Pending = {delivery, seq, host, wait};
		this.#ring[seq & (this.#ring.length - 1)] = entry;
		this.#inRing++;
		wait.chars += delivery.line.length;
		return entry;
	}

	/** The message waits in Redis for its recipient; its answer will name its id. */
	hold(delivery: Delivery): void {
		this.#forget(this.#held.get(delivery.id));
		this.#held.set(delivery.id, {delivery, seq: undefined, host: undefined});
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
		const ring = this.#ring;
		const index = seq & (ring.length - 1);
		let entry = ring[index];
		if (entry?.seq === seq) {
			ring[index] = undefined;
			this.#inRing--;
			if (seq === this.#oldest) this.#passAnswered();
		} else {
			entry = this.#late.get(seq);
			if (entry === undefined) return undefined;
			this.#late.delete(seq);
		}

		const {wait} = entry;
		if (wait !== undefined) {
			wait.chars -= entry.delivery.line.length;
			if (wait.chars <= 0) this.#waiting.delete(wait.host);
			this.#eased(wait.host);
		}

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

		for (const sent of this.#sentEntries()) {
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
		const entry =
			seq === undefined
				? this.#held.get(pending.delivery.id)
				: (this.#late.get(seq) ?? this.#ring[seq & (this.#ring.length - 1)]);
		if (entry !== pending) return false;
		this.#forget(entry);
		return true;
	}

	/**
	 * Takes the messages on their way that were sent `timeoutMs` ago or more, as far as the marks
	 * tell: called every `timeoutMs / n`, it takes each message between `timeoutMs` and
	 * `timeoutMs × (1 + 1/n)` after it was sent. Each call marks where the numbering stands.
	 */
	takeOverdue(now: number, timeoutMs: number): Pending[] {
		this.#marks.push({at: now, seq: this.#nextSeq});
		let mark: {readonly seq: number} | undefined;
		while ((this.#marks[0]?.at ?? now) <= now - timeoutMs) mark = this.#marks.shift();
		if (mark === undefined) return [];
		// Sent before the mark: not between it and the next number, going round at SEQ_LIMIT.
		const since = distance(mark.seq, this.#nextSeq);
		const overdue = this.#sentEntries().filter(
			(entry) => distance(mark.seq, entry.seq ?? 0) >= since,
		);
		for (const entry of overdue) this.#forget(entry);
		return overdue;
	}

	/** Every message waiting, on its way or held. */
	*entries(): IterableIterator<Pending> {
		yield* this.#sentEntries();
		yield* this.#held.values();
	}

	/** The messages on their way, the late ones first; a copy, so the caller may take them. */
	#sentEntries(): Pending[] {
		return [...this.#late.values(), ...this.#ringEntries()];
	}

	/** The messages in the ring, oldest first. */
	#ringEntries(): Pending[] {
		const entries: Pending[] = [];
		const ring = this.#ring;
		const span = distance(this.#oldest, this.#nextSeq);
		for (let step = 0; step < span && entries.length < this.#inRing; step++) {
			const entry = ring[(this.#oldest + step) & (ring.length - 1)];
			if (entry !== undefined) entries.push(entry);
		}

		return entries;
	}

	/** Makes the ring reach `seq`, the next number: it doubles, or, at its largest, its oldest
	 * entries move to the late ones. */
	#makeRoom(seq: number): void {
		if (this.#inRing === 0) this.#oldest = seq;
		while (distance(this.#oldest, seq) >= this.#ring.length) {
			if (this.#ring.length < MAX_RING_SLOTS) {
				const ring = new Array<Pending | undefined>(this.#ring.length * 2);
				for (const entry of this.#ringEntries()) ring[(entry.seq ?? 0) & (ring.length - 1)] = entry;
				this.#ring = ring;
				continue;
			}

			const index = this.#oldest & (this.#ring.length - 1);
			const oldest = this.#ring[index];
			if (oldest !== undefined) {
				this.#late.set(this.#oldest, oldest);
				this.#ring[index] = undefined;
				this.#inRing--;
			}

			this.#oldest = (this.#oldest + 1) % SEQ_LIMIT;
			this.#passAnswered();
		}
	}

	/** Moves the oldest past the numbers already answered. */
	#passAnswered(): void {
		const ring = this.#ring;
		while (this.#oldest !== this.#nextSeq && ring[this.#oldest & (ring.length - 1)] === undefined) {
			this.#oldest = (this.#oldest + 1) % SEQ_LIMIT;
		}
	}

	#forget(entry: Pending | undefined): void {
		if (entry === undefined) return;
		if (entry.seq === undefined) this.#held.delete(entry.delivery.id);
		else this.takeSent(entry.seq);
	}
}
