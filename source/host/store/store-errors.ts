// The two ways the store reports a problem: at open, one sentence the host prints before it exits
// (no stack trace); while running, a rejected write that says why, for the host's `FAILED`.

import {describeStoreFailure, storeFailureOf, type StoreFailure} from './store-failures.js';

/** The store cannot be opened; the message is one sentence a person can act on. */
export class StoreOpenError extends Error {
	override name = 'StoreOpenError';
}

/** A write that was not kept: its commit failed, or the store was closed first. */
export class StoreWriteError extends Error {
	override name = 'StoreWriteError';
	readonly failure: StoreFailure;

	constructor(failure: StoreFailure, options?: ErrorOptions) {
		super(describeStoreFailure(failure), options);
		this.failure = failure;
	}

	/** The failure that `cause` (an engine's error) stands for, keeping it as the cause. */
	static from(cause: unknown): StoreWriteError {
		return cause instanceof StoreWriteError
			? cause
			: new StoreWriteError(storeFailureOf(cause), {cause});
	}
}
