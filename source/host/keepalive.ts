// Structured-face keepalive (docs/protocol.md "Limits"): after `pingAfterMs` of silence the host
// sends PING; if nothing at all arrives within `pongTimeoutMs` the connection is half-open.
// One lazy timer per connection: a line only records the time, it never touches the timer.

export type KeepaliveSink = {
	keepalivePing(token: string): void;
	keepaliveTimeout(): void;
};

export class Keepalive {
	readonly #pingAfterMs: number;
	readonly #pongTimeoutMs: number;
	readonly #sink: KeepaliveSink;
	#lastHeard = Date.now();
	#pingSentAt = 0;
	#awaitingPong = false;
	#timer: NodeJS.Timeout | undefined;

	constructor(pingAfterMs: number, pongTimeoutMs: number, sink: KeepaliveSink) {
		this.#pingAfterMs = pingAfterMs;
		this.#pongTimeoutMs = pongTimeoutMs;
		this.#sink = sink;
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
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	readonly #check = (): void => {
		const now = Date.now();
		if (this.#awaitingPong) {
			if (this.#lastHeard < this.#pingSentAt) {
				const waited = now - this.#pingSentAt;
				if (waited >= this.#pongTimeoutMs) {
					this.#timer = undefined;
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
	};

	/** Looks again after `ms`, or sooner: an answer restarts the silence clock, seen at the next look. */
	#schedule(ms: number): void {
		this.#timer = setTimeout(this.#check, Math.min(ms, this.#pingAfterMs));
	}
}
