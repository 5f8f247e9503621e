// Paces our lines to the host's rate limit (docs/protocol.md "Pacing"): a token bucket a little
// inside the host's, so a long paste is slowed here and never cut off there as a flood.
// Pure: the caller passes the time, so tests need no clock.
import type {Pacing} from '../protocol/host-lines.js';
import {PACING_BURST_RESERVE, PACING_RATE_SHARE} from './limits.js';

export class SendPacer {
	#perMs = 0;
	#burst = 1;
	#tokens = 1;
	#last = 0;
	#unlimited = false;

	constructor(pacing: Pacing, now: number) {
		this.reset(pacing, now);
	}

	/** A fresh login: the host's bucket is full again, and its limits may be new. */
	reset({rate, burst}: Pacing, now: number): void {
		this.#unlimited = rate === 0;
		this.#perMs = (rate * PACING_RATE_SHARE) / 1000;
		// A burst below one line would block every line for ever.
		this.#burst = Math.max(1, burst - PACING_BURST_RESERVE);
		this.#tokens = this.#burst;
		this.#last = now;
	}

	/** Takes one line's token if there is one. */
	take(now: number): boolean {
		if (this.#unlimited) return true;
		this.#refill(now);
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}

	/** Milliseconds until the next line may go (0: now). */
	msUntilToken(now: number): number {
		if (this.#unlimited) return 0;
		this.#refill(now);
		return this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / this.#perMs);
	}

	#refill(now: number): void {
		const elapsed = now - this.#last;
		if (elapsed <= 0) return;
		this.#last = now;
		this.#tokens = Math.min(this.#burst, this.#tokens + elapsed * this.#perMs);
	}
}
