// Counts open connections per remote address (docs/protocol.md "Limits", connections per address).

export class AddressCaps {
	readonly #max: number;
	readonly #open = new Map<string, number>();

	/** `max` 0 means no cap. */
	constructor(max: number) {
		this.#max = max;
	}

	/** Counts a new connection; false (and not counted) if the address is at its cap. */
	admit(address: string): boolean {
		const open = this.#open.get(address) ?? 0;
		if (this.#max > 0 && open >= this.#max) return false;
		this.#open.set(address, open + 1);
		return true;
	}

	release(address: string): void {
		const open = this.#open.get(address) ?? 0;
		if (open <= 1) this.#open.delete(address);
		else this.#open.set(address, open - 1);
	}

	/** Open connections from `address`. */
	count(address: string): number {
		return this.#open.get(address) ?? 0;
	}
}
