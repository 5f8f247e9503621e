// A token bucket for incoming lines (docs/protocol.md "Limits"): `burst` lines at once, then `rate` per second.
// Pure: the caller passes the time, so tests need no clock.

export class TokenBucket {
	readonly #perMs: number;
	readonly #burst: number;
	#tokens: number;
	#last: number;

	constructor(ratePerSecond: number, burst: number, now: number) {
		this.#perMs = ratePerSecond / 1000;
		// A burst below one line would block every line forever.
		this.#burst = Math.max(1, burst);
		this.#tokens = this.#burst;
		this.#last = now;
	}

	/** Takes one token if there is one. */
	take(now: number): boolean {
		this.#refill(now);
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}

	/** Milliseconds until one token is there (0 if one is there now). */
	msUntilToken(now: number): number {
		this.#refill(now);
		return this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / this.#perMs);
	}

	/** Back to a full burst (a fresh login starts with its whole paste allowance). */
	fill(now: number): void {
		this.#tokens = this.#burst;
		this.#last = now;
	}

	#refill(now: number): void {
		const elapsed = now - this.#last;
		if (elapsed <= 0) return;
		this.#last = now;
		this.#tokens = Math.min(this.#burst, this.#tokens + elapsed * this.#perMs);
	}
}
