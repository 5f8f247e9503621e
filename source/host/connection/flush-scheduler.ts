// Batches socket writes: every queue written to during a tick is flushed once, together, on
// setImmediate, so a socket gets one write per tick however many lines it was sent.

/** Anything the scheduler can flush. */
type Flushable = {flush(): void};

export class FlushScheduler {
	#dirty: Flushable[] = [];
	#scheduled = false;

	/** Flushes `queue` at the end of this tick; the queue calls this once per tick. */
	mark(queue: Flushable): void {
		this.#dirty.push(queue);
		if (!this.#scheduled) {
			this.#scheduled = true;
			setImmediate(this.#run);
		}
	}

	/** Flushes now (on shutdown, and in tests), including queues marked while flushing. */
	flushNow(): void {
		this.#run();
	}

	readonly #run = (): void => {
		const dirty = this.#dirty;
		// A flush can mark more queues (a DELIVERED for a sender): the array iterator reaches them too.
		for (const queue of dirty) queue.flush();
		dirty.length = 0;
		this.#scheduled = false;
	};
}
