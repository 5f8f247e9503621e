// The last refs a user sent and the result each got, so a resent SEND (after a reconnect) is
// answered again instead of relayed twice (docs/protocol.md "Host → client").
// Every SEND passes through here. Refs are kept in two generations of `max` each, never deleted
// one by one: a Map that loses its oldest entry on every insert rehashes over and over, and under
// a steady load those tables are a good part of what each young-generation GC copies.
// Nothing is allocated for a user until their first SEND.

export class RefMemory {
	readonly #max: number;
	/** ref -> its latest result; '' while the result is still to come. Full at `max`. */
	#current: Map<string, string> | undefined;
	/** The generation before: dropped whole when `#current` fills. */
	#previous: Map<string, string> | undefined;

	/** Remembers at least the last `max` refs (and at most the last 2 × `max`). */
	constructor(max: number) {
		this.#max = max;
	}

	/** The ref was seen before: its latest result, or '' if none yet. Undefined if new. */
	lookup(ref: string): string | undefined {
		return this.#current?.get(ref) ?? this.#previous?.get(ref);
	}

	/** Remembers a ref with no result yet. */
	remember(ref: string): void {
		const previous = this.#previous;
		if (previous?.has(ref)) {
			// Known already: it stays in its generation.
			previous.set(ref, '');
			return;
		}

		let current = (this.#current ??= new Map());
		if (current.size >= this.#max && !current.has(ref)) {
			this.#previous = current;
			current = new Map();
			this.#current = current;
		}

		current.set(ref, '');
	}

	/** Records the ref's result if the ref is still remembered. */
	settle(ref: string, result: string): void {
		if (this.#current?.has(ref)) this.#current.set(ref, result);
		else if (this.#previous?.has(ref)) this.#previous.set(ref, result);
	}
}
