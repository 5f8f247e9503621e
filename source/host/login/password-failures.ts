// Slows password guessing from one address (docs/protocol.md "Password"). Pure: the caller passes
// the time. Each address has a time before which no password from it is checked: its last failure
// plus the delay its failures call for. Taking turns is password-turns.ts's job: it asks this
// record when the next check may run, so a try that never ran costs nothing.

import {isIPv6} from 'node:net';

type FailureLimits = {
	/** The wait after the first failure; it doubles with each further one. */
	delayMs: number;
	maxDelayMs: number;
	/** An address's failures are forgotten this long after its last one. */
	memoryMs: number;
	/** Addresses remembered at most; the least recently failed is forgotten first. */
	maxAddresses: number;
};

type Entry = {failures: number; nextCheckAt: number; lastFailureAt: number};

export class PasswordFailures {
	readonly #limits: FailureLimits;
	/** In order of last failure, oldest first, so eviction takes the first key. */
	readonly #entries = new Map<string, Entry>();

	constructor(limits: FailureLimits) {
		this.#limits = limits;
	}

	/** Addresses remembered now. */
	get size(): number {
		return this.#entries.size;
	}

	/** The wait between checks for an address that failed `failures` times in a row. */
	delayAfter(failures: number): number {
		if (failures <= 0) return 0;
		const {delayMs, maxDelayMs} = this.#limits;
		return Math.min(maxDelayMs, delayMs * 2 ** (failures - 1));
	}

	/** How long the next password from `address` must wait before it is checked. */
	waitBeforeCheck(address: string, now: number): number {
		const entry = this.#current(addressKey(address), now);
		if (entry === undefined) return 0;
		return Math.max(0, entry.nextCheckAt - now);
	}

	failed(address: string, now: number): void {
		const key = addressKey(address);
		const entry = this.#current(key, now) ?? {failures: 0, nextCheckAt: now, lastFailureAt: now};
		entry.failures++;
		entry.lastFailureAt = now;
		entry.nextCheckAt = Math.max(entry.nextCheckAt, now + this.delayAfter(entry.failures));
		// Re-inserting keeps the map in order of last failure.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		while (this.#entries.size > this.#limits.maxAddresses) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) break;
			this.#entries.delete(oldest);
		}
	}

	/** A right password clears the address: a typo is not held against the next login. */
	succeeded(address: string): void {
		this.#entries.delete(addressKey(address));
	}

	#current(key: string, now: number): Entry | undefined {
		const entry = this.#entries.get(key);
		if (entry !== undefined && now - entry.lastFailureAt >= this.#limits.memoryMs) {
			this.#entries.delete(key);
			return undefined;
		}

		return entry;
	}
}

/**
 * Who counts as one address: an IPv4 address (also when IPv4-mapped), or an IPv6 /64, since one
 * home or server is usually given a whole /64 and could otherwise pick a fresh address per try.
 */
export function addressKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped?.[1] !== undefined) return mapped[1];
	const bare = address.split('%')[0] ?? address;
	if (!isIPv6(bare)) return address;
	const [left = '', right] = bare.split('::');
	const leftGroups = left === '' ? [] : left.split(':');
	let groups = leftGroups;
	if (right !== undefined) {
		const rightGroups = right === '' ? [] : right.split(':');
		// An embedded IPv4 address at the end stands for two groups.
		const rightCount = rightGroups.reduce(
			(count, group) => count + (group.includes('.') ? 2 : 1),
			0,
		);
		const zeros = Array.from({length: 8 - leftGroups.length - rightCount}, () => '0');
		groups = [...leftGroups, ...zeros, ...rightGroups];
	}

	const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
	return prefix.join(':') + '::/64';
}
