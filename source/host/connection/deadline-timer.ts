// One timer for many deadlines (login timeouts, keepalive checks): a min-heap of entries and a
// single setTimeout for the earliest, so idle users cost no Timeout object each.
// Exact like setTimeout: an entry is called at its deadline or later, never sooner.

/** Something with a deadline; the timer keeps its place in the heap on it. */
export type DeadlineEntry = {
	/** When it is due, as Date.now() counts. */
	deadlineAt: number;
	/** Its index in the heap; -1 when not scheduled. */
	deadlineIndex: number;
	deadlineReached(): void;
};

export class DeadlineTimer {
	readonly #heap: DeadlineEntry[] = [];
	#timer: NodeJS.Timeout | undefined;
	/** When the armed timer fires. */
	#timerAt = Number.POSITIVE_INFINITY;

	/** Number of entries waiting. */
	get size(): number {
		return this.#heap.length;
	}

	/** Calls `entry.deadlineReached()` `ms` from now (replacing its earlier deadline, if any). */
	schedule(entry: DeadlineEntry, ms: number): void {
		const at = Date.now() + ms;
		const heap = this.#heap;
		if (entry.deadlineIndex === -1) {
			entry.deadlineAt = at;
			entry.deadlineIndex = heap.length;
			heap.push(entry);
			this.#up(entry.deadlineIndex);
		} else {
			const earlier = at < entry.deadlineAt;
			entry.deadlineAt = at;
			if (earlier) this.#up(entry.deadlineIndex);
			else this.#down(entry.deadlineIndex);
		}

		if (at < this.#timerAt) this.#arm(at);
	}

	cancel(entry: DeadlineEntry): void {
		const index = entry.deadlineIndex;
		if (index === -1) return;
		const heap = this.#heap;
		const last = heap.pop();
		entry.deadlineIndex = -1;
		if (last !== undefined && last !== entry) {
			heap[index] = last;
			last.deadlineIndex = index;
			this.#up(index);
			this.#down(last.deadlineIndex);
		}

		// A timer armed for a cancelled entry fires for nothing and re-arms; an empty heap needs none.
		if (heap.length === 0) this.#disarm();
	}

	#arm(at: number): void {
		clearTimeout(this.#timer);
		this.#timerAt = at;
		this.#timer = setTimeout(DeadlineTimer.#fire, Math.max(0, at - Date.now()), this);
	}

	#disarm(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#timerAt = Number.POSITIVE_INFINITY;
	}

	static #fire(timer: DeadlineTimer): void {
		timer.#timer = undefined;
		timer.#timerAt = Number.POSITIVE_INFINITY;
		const now = Date.now();
		const heap = timer.#heap;
		// Taken out first: an entry that schedules itself again waits for its new deadline.
		const due: DeadlineEntry[] = [];
		while (heap.length > 0 && (heap[0]?.deadlineAt ?? now) <= now) {
			const entry = heap[0];
			if (entry === undefined) break;
			timer.cancel(entry);
			due.push(entry);
		}

		for (const entry of due) entry.deadlineReached();
		const next = heap[0];
		if (next !== undefined && timer.#timer === undefined) timer.#arm(next.deadlineAt);
	}

	#up(index: number): void {
		const heap = this.#heap;
		const entry = heap[index];
		if (entry === undefined) return;
		while (index > 0) {
			const parentIndex = (index - 1) >> 1;
			const parent = heap[parentIndex];
			if (parent === undefined || parent.deadlineAt <= entry.deadlineAt) break;
			heap[index] = parent;
			parent.deadlineIndex = index;
			index = parentIndex;
		}

		heap[index] = entry;
		entry.deadlineIndex = index;
	}

	#down(index: number): void {
		const heap = this.#heap;
		const entry = heap[index];
		if (entry === undefined) return;
		const {length} = heap;
		for (;;) {
			const left = 2 * index + 1;
			if (left >= length) break;
			const right = left + 1;
			let child = left;
			const leftEntry = heap[left];
			const rightEntry = heap[right];
			if (
				rightEntry !== undefined &&
				leftEntry !== undefined &&
				rightEntry.deadlineAt < leftEntry.deadlineAt
			) {
				child = right;
			}

			const childEntry = heap[child];
			if (childEntry === undefined || childEntry.deadlineAt >= entry.deadlineAt) break;
			heap[index] = childEntry;
			childEntry.deadlineIndex = index;
			index = child;
		}

		heap[index] = entry;
		entry.deadlineIndex = index;
	}
}
