// Slows password guessing from one address (docs/protocol.md "Password"). Pure: the caller passes
// the time. Each address has a time before which no password from it is checked: its last failure
// plus the delay its failures call for. Taking turns is password-turns.ts's job: it asks this
// record when the next check may run, so a try that never ran costs nothing.

import {addressKey} from './address-key.js';

type FailureLimits = {
	/** The wait after the first failure; it doubles with each further one. */
	delayMs: number;
	maxDelayMs: number;
	/** An address's failures are forgotten this long after its last one. */
	memoryMs: number;
	/** Addresses remembered at most; the least recently failed is forgotten first. */
	maxAddresses: number;
};

type Entry = {failures: number; nextCheckAt: number; lastFailureAt: number};

export class PasswordFailures {
	readonly #limits: FailureLimits;
	/** In order of last failure, oldest first, so eviction takes the first key. */
	readonly #entries = new Map<string, Entry>();

	constructor(limits: FailureLimits) {
		this.#limits = limits;
	}

	/** Addresses remembered now. */
	get size(): number {
		return this.#entries.size;
	}

	/** The wait between checks for an address that failed `failures` times in a row. */
	delayAfter(failures: number): number {
		if (failures <= 0) return 0;
		const {delayMs, maxDelayMs} = this.#limits;
		return Math.min(maxDelayMs, delayMs * 2 ** (failures - 1));
	}

	/** How long the next password from `address` must wait before it is checked. */
	waitBeforeCheck(address: string, now: number): number {
		const entry = this.#current(addressKey(address), now);
		if (entry === undefined) return 0;
		return Math.max(0, entry.nextCheckAt - now);
	}

	failed(address: string, now: number): void {
		const key = addressKey(address);
		const entry = this.#current(key, now) ?? {failures: 0, nextCheckAt: now, lastFailureAt: now};
		entry.failures++;
		entry.lastFailureAt = now;
		entry.nextCheckAt = Math.max(entry.nextCheckAt, now + this.delayAfter(entry.failures));
		// Re-inserting keeps the map in order of last failure.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		while (this.#entries.size > this.#limits.maxAddresses) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) break;
			this.#entries.delete(oldest);
		}
	}

	/** A right password clears the address: a typo is not held against the next login. */
	succeeded(address: string): void {
		this.#entries.delete(addressKey(address));
	}

	#current(key: string, now: number): Entry | undefined {
		const entry = this.#entries.get(key);
		if (entry !== undefined && now - entry.lastFailureAt >= this.#limits.memoryMs) {
			this.#entries.delete(key);
			return undefined;
		}

		return entry;
	}
}
