// Group commit: every write asked for in one event-loop tick goes into one transaction, committed
// once the tick's I/O callbacks are done (setImmediate), so durability costs one commit per tick,
// not one per message. A write's promise settles only after its commit: resolved once it is
// durable, rejected with a StoreWriteError if the commit failed. Nothing here throws into the
// event loop. The engine is given as an interface, so the rules are tested without a disk.

import {StoreWriteError} from './store-errors.js';
import {MAX_WRITES_PER_COMMIT} from './store-limits.js';

/** What the batcher needs of an engine: one transaction at a time, synchronous. */
export type TransactionEngine = {
	begin(): void;
	commit(): void;
	rollback(): void;
	/** False once the engine has given up the transaction on its own (SQLite does on a full disk). */
	readonly inTransaction: boolean;
};

/** Told after each commit, for a bench or the host's metrics: how long the tick was blocked. */
export type CommitObserver = (commit: {writes: number; ms: number; ok: boolean}) => void;

export type CommitBatcherOptions = {
	maxWritesPerCommit?: number;
	/** When the queued writes commit; a test may commit by hand. */
	schedule?: (commit: () => void) => void;
	onCommit?: CommitObserver;
};

type Waiting = {
	apply: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: StoreWriteError) => void;
};

type Outcome = {ok: true; value: unknown} | {ok: false; error: unknown};

export class CommitBatcher {
	readonly #engine: TransactionEngine;
	readonly #maxWrites: number;
	readonly #schedule: (commit: () => void) => void;
	readonly #onCommit: CommitObserver | undefined;
	#queue: Waiting[] = [];
	#scheduled = false;
	#closed = false;

	constructor(engine: TransactionEngine, options: CommitBatcherOptions = {}) {
		this.#engine = engine;
		this.#maxWrites = options.maxWritesPerCommit ?? MAX_WRITES_PER_COMMIT;
		this.#schedule = options.schedule ?? setImmediate;
		this.#onCommit = options.onCommit;
	}

	/**
	 * Runs `apply` inside the next commit and resolves with what it returned once that commit is
	 * durable. `apply` runs at commit time, so it sees every write committed before it and no
	 * write that could still be rolled back.
	 */
	write<T>(apply: () => T): Promise<T> {
		if (this.#closed) return Promise.reject(new StoreWriteError('store-closed'));
		return new Promise<T>((resolve, reject) => {
			this.#queue.push({apply, resolve: resolve as (value: unknown) => void, reject});
			if (!this.#scheduled) {
				this.#scheduled = true;
				this.#schedule(() => this.#commitQueued());
			}
		});
	}

	/** Writes waiting for their commit. */
	get pending(): number {
		return this.#queue.length;
	}

	/** Commits everything queued now, then refuses further writes (`store-closed`). */
	close(): void {
		while (this.#queue.length > 0) this.#commitBatch();
		this.#closed = true;
	}

	#commitQueued(): void {
		this.#scheduled = false;
		this.#commitBatch();
		// The rest of a burst commits on a later tick, so the relay runs in between.
		if (this.#queue.length > 0 && !this.#scheduled) {
			this.#scheduled = true;
			this.#schedule(() => this.#commitQueued());
		}
	}

	#commitBatch(): void {
		const batch = this.#queue.splice(0, this.#maxWrites);
		if (batch.length === 0) return;
		const started = performance.now();
		const outcomes = this.#run(batch);
		const ok = !(outcomes instanceof StoreWriteError);
		this.#onCommit?.({writes: batch.length, ms: performance.now() - started, ok});
		for (const [index, waiting] of batch.entries()) {
			const outcome = ok ? outcomes[index] : undefined;
			if (outcome?.ok) waiting.resolve(outcome.value);
			else
				waiting.reject(
					outcome ? StoreWriteError.from(outcome.error) : (outcomes as StoreWriteError),
				);
		}
	}

	/** Each write's outcome if the commit held, or the error that failed the whole commit. */
	#run(batch: Waiting[]): Outcome[] | StoreWriteError {
		const engine = this.#engine;
		try {
			engine.begin();
		} catch (error) {
			return StoreWriteError.from(error);
		}

		const outcomes: Outcome[] = [];
		try {
			for (const waiting of batch) {
				try {
					outcomes.push({ok: true, value: waiting.apply()});
				} catch (error) {
					// A failed statement undoes only itself, unless the engine dropped the transaction.
					if (!engine.inTransaction) throw error;
					outcomes.push({ok: false, error});
				}
			}

			engine.commit();
			return outcomes;
		} catch (error) {
			try {
				if (engine.inTransaction) engine.rollback();
			} catch {
				// The commit's own error is the one worth reporting.
			}

			return StoreWriteError.from(error);
		}
	}
}
