// Batches socket writes: every queue written to during a tick is flushed once, together, on
// setImmediate, so a socket gets one write per tick however many lines it was sent.
// Presence news (JOIN, LEAVE, AWAY, BACK) goes to every structured user, so it waits a little
// longer, PRESENCE_BATCH_MS, for more news or a message to share the write: a login storm then
// costs each socket a write per batch, not one per login.

import {PRESENCE_BATCH_MS} from '../protocol/limits.js';

/** Anything the scheduler can flush. */
export type Flushable = {flush(): void};

/** A queue holding lines that may wait for the next batch. */
export type Batched = {flushBatch(): void};

export class FlushScheduler {
	#dirty: Flushable[] = [];
	#scheduled = false;
	#batched: Batched[] = [];
	#batchTimer: NodeJS.Timeout | undefined;
	/** At least PRESENCE_BATCH_MS, and at least as long as the last batch took to write, so
	 * presence news never takes more than half of the host's time. */
	#batchDelayMs = PRESENCE_BATCH_MS;

	/** Flushes `queue` at the end of this tick; the queue calls this once per tick. */
	mark(queue: Flushable): void {
		this.#dirty.push(queue);
		if (!this.#scheduled) {
			this.#scheduled = true;
			setImmediate(this.#run);
		}
	}

	/** Flushes `queue` with the next batch; the queue calls this once per batch. */
	markBatch(queue: Batched): void {
		this.#batched.push(queue);
		if (this.#batchTimer === undefined) {
			this.#batchTimer = setTimeout(this.#runBatch, this.#batchDelayMs);
			// The sockets keep the host running; this timer alone must not.
			this.#batchTimer.unref();
		}
	}

	/** Flushes now (on shutdown), including queues marked while flushing. */
	flushNow(): void {
		clearTimeout(this.#batchTimer);
		this.#runBatch();
		this.#run();
	}

	readonly #run = (): void => {
		const dirty = this.#dirty;
		// A flush can mark more queues (a DELIVERED for a sender): the array iterator reaches them too.
		for (const queue of dirty) queue.flush();
		dirty.length = 0;
		this.#scheduled = false;
	};

	readonly #runBatch = (): void => {
		this.#batchTimer = undefined;
		const started = performance.now();
		const batched = this.#batched;
		this.#batched = [];
		for (const queue of batched) queue.flushBatch();
		this.#batchDelayMs = Math.max(PRESENCE_BATCH_MS, performance.now() - started);
	};
}
