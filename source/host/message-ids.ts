// Message ids (docs/protocol.md "The structured face"): strictly increasing, starting from the
// host's start time in microseconds, so a restarted host's ids are larger than the old ones as
// long as the old host averaged under 1,000 messages a millisecond.

export class MessageIds {
	#next: number;

	constructor(startMs: number = Date.now()) {
		this.#next = startMs * 1000;
	}

	next(): number {
		return this.#next++;
	}
}
