// The connections that have not logged in yet, host-wide, oldest first (docs/protocol.md
// "Limits"). Past the cap, or when the host runs out of room for sockets, the one that has waited
// longest makes way: a person logs in within a round trip or two, an idle connect never does.

/** A connection still logging in (or a TLS handshake); told to go when it must make way. */
export type PreLoginEntry = {evictPreLogin(): void};

export class PreLoginCap {
	readonly #max: number;
	/** In the order they came: a Set iterates in insertion order. */
	readonly #waiting = new Set<PreLoginEntry>();

	/** `max` 0 means no cap. */
	constructor(max: number) {
		this.#max = max;
	}

	get size(): number {
		return this.#waiting.size;
	}

	/** Counts a newcomer, after the oldest made way if the cap is reached. */
	add(entry: PreLoginEntry): void {
		if (this.#max > 0 && this.#waiting.size >= this.#max) this.evictOldest();
		this.#waiting.add(entry);
	}

	/** It logged in, or closed. */
	remove(entry: PreLoginEntry): void {
		this.#waiting.delete(entry);
	}

	/** Sends away the connection that has waited longest; false when none is waiting. */
	evictOldest(): boolean {
		const oldest = this.#waiting.values().next();
		if (oldest.done) return false;
		this.#waiting.delete(oldest.value);
		oldest.value.evictPreLogin();
		return true;
	}
}
