// Structured-face keepalive (docs/protocol.md "Limits"): after `pingAfterMs` of silence the host
// sends PING; if nothing at all arrives within `pongTimeoutMs` the connection is half-open.
// Lazy: a line only records the time; the check runs on the host's shared DeadlineTimer.

import type {DeadlineEntry, DeadlineTimer} from './deadline-timer.js';

export type KeepaliveSink = {
	keepalivePing(token: string): void;
	keepaliveTimeout(): void;
};

export class Keepalive implements DeadlineEntry {
	readonly #pingAfterMs: number;
	readonly #pongTimeoutMs: number;
	readonly #sink: KeepaliveSink;
	#lastHeard = Date.now();
	#pingSentAt = 0;
	#awaitingPong = false;
	readonly #timer: DeadlineTimer;
	deadlineAt = 0;
	deadlineIndex = -1;

	constructor(
		pingAfterMs: number,
		pongTimeoutMs: number,
		sink: KeepaliveSink,
		timer: DeadlineTimer,
	) {
		this.#pingAfterMs = pingAfterMs;
		this.#pongTimeoutMs = pongTimeoutMs;
		this.#sink = sink;
		this.#timer = timer;
	}

	start(): void {
		this.#lastHeard = Date.now();
		this.#schedule(this.#pingAfterMs);
	}

	/** Any line from the client proves the connection is alive. */
	heard(now: number): void {
		this.#lastHeard = now;
	}

	stop(): void {
		this.#timer.cancel(this);
	}

	/** The check: ping after the silence, give up when no answer comes. */
	deadlineReached(): void {
		const now = Date.now();
		if (this.#awaitingPong) {
			if (this.#lastHeard < this.#pingSentAt) {
				const waited = now - this.#pingSentAt;
				if (waited >= this.#pongTimeoutMs) {
					this.#sink.keepaliveTimeout();
					return;
				}

				this.#schedule(this.#pongTimeoutMs - waited);
				return;
			}

			this.#awaitingPong = false;
		}

		const silent = now - this.#lastHeard;
		if (silent < this.#pingAfterMs) {
			this.#schedule(this.#pingAfterMs - silent);
			return;
		}

		this.#awaitingPong = true;
		this.#pingSentAt = now;
		this.#sink.keepalivePing(String(now));
		this.#schedule(this.#pongTimeoutMs);
	}

	/** Looks again after `ms`, or sooner: an answer restarts the silence clock, seen at the next look. */
	#schedule(ms: number): void {
		this.#timer.schedule(this, Math.min(ms, this.#pingAfterMs));
	}
}
