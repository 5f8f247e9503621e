// Stored messages that reached their owner's socket leave Redis (docs/cluster.md "Stored
// messages"): until then they wait in the owner's list being handed on, so a host killed between
// the login's take and the write loses none. The confirmations of one tick go in one script per
// owner, not one per message.

import type {Delivery} from '../relay/user.js';
import {handingKey, storedBytesKey, storedKey} from './cluster-keys.js';
import {CONFIRM_STORED} from './mail-scripts.js';
import type {RedisLink} from './redis-link.js';

/** How an entry of the list being handed on starts: its id and time (cluster-frames.ts). */
export function entryPrefix(entry: {readonly id: string; readonly time: number}): string {
	return `${entry.id}\t${entry.time}\t`;
}

export class StoredConfirmations {
	readonly #link: RedisLink;
	readonly #log: (line: string) => void;
	/** Owner's name key → the prefixes of its entries handed over this tick. */
	#waiting = new Map<string, string[]>();
	#scheduled = false;

	constructor(link: RedisLink, log: (line: string) => void) {
		this.#link = link;
		this.#log = log;
	}

	/** `delivery` (kept as stored) reached the socket of its recipient. */
	handedOver(delivery: Delivery): void {
		this.remove(delivery.recipient.key, [entryPrefix(delivery)]);
	}

	/** Removes entries of `key`'s list being handed on: written, or past their days. */
	remove(key: string, prefixes: readonly string[]): void {
		if (prefixes.length === 0) return;
		const waiting = this.#waiting.get(key);
		if (waiting === undefined) this.#waiting.set(key, [...prefixes]);
		else waiting.push(...prefixes);
		if (this.#scheduled) return;
		this.#scheduled = true;
		setImmediate(this.#flush);
	}

	readonly #flush = (): void => {
		this.#scheduled = false;
		const waiting = this.#waiting;
		this.#waiting = new Map();
		for (const [key, prefixes] of waiting) {
			const keys = [handingKey(key), storedBytesKey(key), storedKey(key)];
			this.#link.commands.eval(CONFIRM_STORED, {keys, arguments: prefixes}).catch(() => {
				// They stay in Redis: the next login hands them on again, with the same ids.
				this.#log(`redis: ${prefixes.length} stored messages written to their owner stay in Redis`);
			});
		}
	};
}
