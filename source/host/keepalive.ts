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

	/** Shared by every keepalive: no closure per connection. */
	static #check(keepalive: Keepalive): void {
		const now = Date.now();
		if (keepalive.#awaitingPong) {
			if (keepalive.#lastHeard < keepalive.#pingSentAt) {
				const waited = now - keepalive.#pingSentAt;
				if (waited >= keepalive.#pongTimeoutMs) {
					keepalive.#timer = undefined;
					keepalive.#sink.keepaliveTimeout();
					return;
				}

				keepalive.#schedule(keepalive.#pongTimeoutMs - waited);
				return;
			}

			keepalive.#awaitingPong = false;
		}

		const silent = now - keepalive.#lastHeard;
		if (silent < keepalive.#pingAfterMs) {
			keepalive.#schedule(keepalive.#pingAfterMs - silent);
			return;
		}

		keepalive.#awaitingPong = true;
		keepalive.#pingSentAt = now;
		keepalive.#sink.keepalivePing(String(now));
		keepalive.#schedule(keepalive.#pongTimeoutMs);
	}

	/** Looks again after `ms`, or sooner: an answer restarts the silence clock, seen at the next look. */
	#schedule(ms: number): void {
		this.#timer = setTimeout(Keepalive.#check, Math.min(ms, this.#pingAfterMs), this);
	}
}
