// Counts open connections per remote address (docs/protocol.md "Limits", connections per address):
// an IPv4 address, or an IPv6 /64 (login/address-key.ts).

import {addressKey} from '../login/address-key.js';

export class AddressCaps {
	readonly #max: number;
	readonly #open = new Map<string, number>();

	/** `max` 0 means no cap. */
	constructor(max: number) {
		this.#max = max;
	}

	/** Counts a new connection; false (and not counted) if the address is at its cap. */
	admit(address: string): boolean {
		const key = addressKey(address);
		const open = this.#open.get(key) ?? 0;
		if (this.#max > 0 && open >= this.#max) return false;
		this.#open.set(key, open + 1);
		return true;
	}

	release(address: string): void {
		const key = addressKey(address);
		const open = this.#open.get(key) ?? 0;
		if (open <= 1) this.#open.delete(key);
		else this.#open.set(key, open - 1);
	}

	/** Open connections from `address` (or its /64). */
	count(address: string): number {
		return this.#open.get(addressKey(address)) ?? 0;
	}
}
