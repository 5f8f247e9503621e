// Message ids (docs/protocol.md "The structured face"): strictly increasing, starting from the
// host's start time in microseconds, so a restarted host's ids are larger than the old ones as
// long as the old host averaged under 1,000 messages a millisecond.
// Each id goes on the wire twice (MSG, DELIVERED), so it is made as text: a 16-digit number is a
// double, and turning a new double into decimal costs more than the rest of the relay's work.

/** The last three digits of an id, precomputed; the digits before them change every 1,000 ids. */
const LAST_DIGITS = Array.from({length: 1000}, (_, value) => String(value).padStart(3, '0'));

export class MessageIds {
	/** The id without its last three digits, as a number and as text. */
	#thousands: number;
	#thousandsText: string;
	#last: number;

	constructor(startMs: number = Date.now()) {
		// startMs × 1000: the last three digits start at 000.
		this.#thousands = Math.floor(startMs);
		this.#thousandsText = String(this.#thousands);
		this.#last = 0;
	}

	/** The next id, in decimal. */
	next(): string {
		const id = this.#thousandsText + (LAST_DIGITS[this.#last] ?? '');
		if (++this.#last === 1000) {
			this.#last = 0;
			this.#thousands++;
			this.#thousandsText = String(this.#thousands);
		}

		return id;
	}
}
