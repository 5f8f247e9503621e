// How fast one address may log in (docs/protocol.md "Limits", the login rate): a token bucket per
// address (an IPv4 address or an IPv6 /64, address-key.ts). Pure: the caller passes the time.

import {addressKey} from './address-key.js';
import {TokenBucket} from './token-bucket.js';

export type LoginRateLimits = {
	/** Logins a second once the burst is spent; 0 means no limit. */
	perSecond: number;
	burst: number;
	/** Addresses remembered at most; the one that logged in longest ago is forgotten first. */
	maxAddresses: number;
};

type Entry = {bucket: TokenBucket; lastLoginAt: number};

export class LoginRate {
	readonly #limits: LoginRateLimits;
	/** The time a spent bucket takes to be full again: an entry that old holds nothing. */
	readonly #refillMs: number;
	/** In order of last login, oldest first, so what is forgotten is always at the front. */
	readonly #entries = new Map<string, Entry>();

	constructor(limits: LoginRateLimits) {
		this.#limits = limits;
		this.#refillMs = limits.perSecond > 0 ? (limits.burst / limits.perSecond) * 1000 : 0;
	}

	/** Addresses remembered now. */
	get size(): number {
		return this.#entries.size;
	}

	/** Takes a login from `address`'s bucket: 0 if it may log in now, else the ms until it may. */
	take(address: string, now: number): number {
		if (this.#limits.perSecond <= 0) return 0;
		this.#forgetFull(now);
		const key = addressKey(address);
		let entry = this.#entries.get(key);
		if (entry === undefined) {
			entry = {
				bucket: new TokenBucket(this.#limits.perSecond, this.#limits.burst, now),
				lastLoginAt: now,
			};
		}

		// Re-inserting keeps the map in order of last login.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		entry.lastLoginAt = now;
		if (entry.bucket.take(now)) return 0;
		return Math.max(1, entry.bucket.msUntilToken(now));
	}

	/** Drops entries whose bucket is full again (they are the same as none), and the oldest past
	 * the bound. */
	#forgetFull(now: number): void {
		for (const [key, entry] of this.#entries) {
			const full = now - entry.lastLoginAt >= this.#refillMs;
			if (!full && this.#entries.size < this.#limits.maxAddresses) return;
			this.#entries.delete(key);
		}
	}
}
