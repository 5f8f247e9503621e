// How the host tells its operator that the store stopped keeping messages (docs/store.md): one log
// line when writes start failing and one when they work again, never one per message.

import {StoreWriteError} from '../store/store-errors.js';

/** The code and sentence a failed write gives its sender in `FAILED <ref> <code> :<reason>`. */
export type WriteFailure = {readonly code: string; readonly reason: string};

export class StoreHealth {
	readonly #log: (line: string) => void;
	#failing: string | undefined;

	constructor(log: (line: string) => void) {
		this.#log = log;
	}

	/** A write failed: logged if the store was working until now; what to tell the sender. */
	failed(error: unknown): WriteFailure {
		const failure = StoreWriteError.from(error);
		if (this.#failing === undefined) {
			this.#log(
				`store: ${failure.message} (${failure.failure}); messages for people offline or away fail until it can write again`,
			);
		}

		this.#failing = failure.failure;
		return {code: failure.failure, reason: failure.message};
	}

	/** A write worked. */
	wrote(): void {
		if (this.#failing === undefined) return;
		this.#failing = undefined;
		this.#log('store: writing again');
	}
}
