// The last refs a user sent and the result each got, so a resent SEND (after a reconnect) is
// answered again instead of relayed twice (docs/protocol.md "Host → client").

export class RefMemory {
	readonly #max: number;
	/** ref -> its latest result line; '' while the result is still to come. */
	readonly #results = new Map<string, string>();

	constructor(max: number) {
		this.#max = max;
	}

	/** The ref was seen before: its latest result line, or '' if none yet. Undefined if new. */
	lookup(ref: string): string | undefined {
		return this.#results.get(ref);
	}

	/** Remembers a new ref, forgetting the oldest past the limit. */
	remember(ref: string): void {
		this.#results.set(ref, '');
		if (this.#results.size > this.#max) {
			const oldest = this.#results.keys().next().value;
			if (oldest !== undefined) this.#results.delete(oldest);
		}
	}

	/** Records the ref's result if the ref is still remembered. */
	settle(ref: string, line: string): void {
		if (this.#results.has(ref)) this.#results.set(ref, line);
	}
}
