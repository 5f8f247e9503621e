// How fast one address may log in (docs/protocol.md "Limits", the login rate): a token bucket per
// address (an IPv4 address or an IPv6 /64, address-key.ts). Pure: the caller passes the time.

import {addressKey} from './address-key.js';

export type LoginRateLimits = {
	/** Logins a second once the burst is spent; 0 means no limit. */
	perSecond: number;
	burst: number;
	/** Addresses remembered at most; the one that logged in longest ago is forgotten first. */
	maxAddresses: number;
};

/** One address's bucket: the logins it may make now, as of `at`. */
type Entry = {tokens: number; at: number};

export class LoginRate {
	readonly #perMs: number;
	readonly #burst: number;
	readonly #maxAddresses: number;
	/** The time a spent bucket takes to be full again: an entry that old holds nothing. */
	readonly #refillMs: number;
	/** In order of last login, oldest first, so what is forgotten is always at the front. */
	readonly #entries = new Map<string, Entry>();

	constructor(limits: LoginRateLimits) {
		this.#perMs = limits.perSecond / 1000;
		// A burst below one login would refuse every login forever.
		this.#burst = Math.max(1, limits.burst);
		this.#maxAddresses = limits.maxAddresses;
		this.#refillMs = this.#perMs > 0 ? this.#burst / this.#perMs : 0;
	}

	/** Addresses remembered now. */
	get size(): number {
		return this.#entries.size;
	}

	/** Takes a login from `address`'s bucket: 0 if it may log in now, else the ms until it may. */
	take(address: string, now: number): number {
		if (this.#perMs <= 0) return 0;
		this.#forgetFull(now);
		const key = addressKey(address);
		const entry = this.#entries.get(key) ?? {tokens: this.#burst, at: now};
		entry.tokens = Math.min(this.#burst, entry.tokens + Math.max(0, now - entry.at) * this.#perMs);
		entry.at = now;
		// Re-inserting keeps the map in order of last login.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		if (entry.tokens >= 1) {
			entry.tokens -= 1;
			return 0;
		}

		return Math.max(1, Math.ceil((1 - entry.tokens) / this.#perMs));
	}

	/** Gives back a login `take` allowed, when it never came to log in. */
	giveBack(address: string): void {
		const entry = this.#entries.get(addressKey(address));
		if (entry !== undefined) entry.tokens = Math.min(this.#burst, entry.tokens + 1);
	}

	/** Drops entries whose bucket is full again (they are the same as none), and the oldest past
	 * the bound. */
	#forgetFull(now: number): void {
		for (const [key, entry] of this.#entries) {
			const full = now - entry.at >= this.#refillMs;
			if (!full && this.#entries.size < this.#maxAddresses) return;
			this.#entries.delete(key);
		}
	}
}
