// The last refs a user sent and the result each got, so a resent SEND (after a reconnect) is
// answered again instead of relayed twice (docs/protocol.md "Host → client").
// Every SEND passes through here, so the oldest ref is found in a ring, not by iterating the
// map, and nothing is allocated for a user until their first SEND.

export class RefMemory {
	readonly #max: number;
	/** ref -> its latest result; '' while the result is still to come. */
	#results: Map<string, string> | undefined;
	/** The remembered refs in the order they came; `#oldest` is where the next one goes once full. */
	#order: string[] | undefined;
	#oldest = 0;

	constructor(max: number) {
		this.#max = max;
	}

	/** The ref was seen before: its latest result, or '' if none yet. Undefined if new. */
	lookup(ref: string): string | undefined {
		return this.#results?.get(ref);
	}

	/** Remembers a new ref, forgetting the oldest past the limit. */
	remember(ref: string): void {
		const results = (this.#results ??= new Map());
		const order = (this.#order ??= []);
		if (results.has(ref)) {
			// Known already: its place in the order stays.
			results.set(ref, '');
			return;
		}

		results.set(ref, '');
		if (order.length < this.#max) {
			order.push(ref);
			return;
		}

		results.delete(order[this.#oldest] ?? '');
		order[this.#oldest] = ref;
		this.#oldest = (this.#oldest + 1) % this.#max;
	}

	/** Records the ref's result if the ref is still remembered. */
	settle(ref: string, result: string): void {
		const results = this.#results;
		if (results?.has(ref)) results.set(ref, result);
	}
}
