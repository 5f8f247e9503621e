// Shows each incoming message once, even when a resume replays it or a restarted host relays a
// resend: by the host's id, and by the sender's (from, ref), which survives a host restart.
import {DEDUPE_MEMORY} from './limits.js';

/** The last `capacity` keys added, the oldest forgotten first. */
export class RecentSet {
	private readonly items = new Set<string>();

	constructor(private readonly capacity: number) {}

	has(key: string): boolean {
		return this.items.has(key);
	}

	add(key: string): void {
		this.items.add(key);
		if (this.items.size > this.capacity) {
			// A Set iterates in insertion order, so the first key is the oldest.
			const oldest = this.items.values().next().value;
			if (oldest !== undefined) {
				this.items.delete(oldest);
			}
		}
	}
}

type IncomingDedupe = {
	/** Returns true the first time a message is seen, false for a repeat. */
	isFirstSighting(message: {id: string; from: string; ref: string | undefined}): boolean;
};

export function createIncomingDedupe(capacity = DEDUPE_MEMORY): IncomingDedupe {
	const ids = new RecentSet(capacity);
	const refs = new RecentSet(capacity);
	return {
		isFirstSighting({id, from, ref}) {
			// A plain sender has no ref, so only its id can identify it.
			const refKey = ref === undefined ? undefined : `${from}\n${ref}`;
			if (ids.has(id) || (refKey !== undefined && refs.has(refKey))) {
				return false;
			}

			ids.add(id);
			if (refKey !== undefined) {
				refs.add(refKey);
			}

			return true;
		},
	};
}

/** The larger of two decimal message ids (ids can pass 2^53, so compare as bigints). */
export function laterMessageId(a: string | undefined, b: string): string {
	if (a === undefined) {
		return b;
	}

	try {
		return BigInt(b) > BigInt(a) ? b : a;
	} catch {
		return a;
	}
}
