// How much presence news one client may be sent (docs/protocol.md "On a slow link"): bytes that
// refill at PRESENCE_NEWS_BYTES_PER_SECOND up to PRESENCE_NEWS_BURST_BYTES. News past it waits in
// the shared log (coalescing, or turning into a snapshot), so on a slow link it never fills the
// kernel's buffers ahead of the client's messages. Pure: the caller passes the time.

import {PRESENCE_NEWS_BURST_BYTES, PRESENCE_NEWS_BYTES_PER_SECOND} from '../../protocol/limits.js';

const PER_MS = PRESENCE_NEWS_BYTES_PER_SECOND / 1000;

export class NewsAllowance {
	#bytes = PRESENCE_NEWS_BURST_BYTES;
	#at: number;

	constructor(now: number) {
		this.#at = now;
	}

	/** Takes `size` bytes if they may go now. A full allowance takes anything, into debt, so a
	 * snapshot longer than the burst still goes out, and the news after it waits its time. */
	take(size: number, now: number): boolean {
		if (now > this.#at) {
			this.#bytes = Math.min(PRESENCE_NEWS_BURST_BYTES, this.#bytes + (now - this.#at) * PER_MS);
			this.#at = now;
		}

		if (this.#bytes < size && this.#bytes < PRESENCE_NEWS_BURST_BYTES) return false;
		this.#bytes -= size;
		return true;
	}
}
