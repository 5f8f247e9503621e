// What Ink works out afresh for every frame, kept across frames instead, bounded: two generations
// of a map, where a hit in the older moves to the newer and a full newer one ages the other out.

/**
 * Entries kept per generation. A screen holds some forty lines and a few dozen more pieces (names,
 * the status bar); two generations keep the last few screens' worth, so paging back and forth
 * stays cached, while a styled line of a wide terminal costs some kilobytes: the bound keeps each
 * cache to a few megabytes whatever the history holds.
 */
export const LINES_KEPT_PER_GENERATION = 512;

export class KeptAcrossFrames<Value> {
	#newer = new Map<string, Value>();
	#older = new Map<string, Value>();

	get(key: string): Value | undefined {
		const value = this.#newer.get(key);
		if (value !== undefined) return value;
		const older = this.#older.get(key);
		if (older !== undefined) this.set(key, older);
		return older;
	}

	set(key: string, value: Value): Value {
		if (this.#newer.size >= LINES_KEPT_PER_GENERATION) {
			this.#older = this.#newer;
			this.#newer = new Map();
		}
		this.#newer.set(key, value);
		return value;
	}
}

type Lookup<Value> = (this: unknown, text: string) => Value;

/** `lookup`, its results kept across frames. */
export function keptAcrossFrames<Value>(lookup: Lookup<Value>): Lookup<Value> {
	const kept = new KeptAcrossFrames<Value>();
	return function (this: unknown, text: string): Value {
		return kept.get(text) ?? kept.set(text, lookup.call(this, text));
	};
}
