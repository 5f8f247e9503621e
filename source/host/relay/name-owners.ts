// Who owns a name (issue 9): trust on first use. A name's look-alike key (protocol/name-key.ts)
// is bound to one Ed25519 public key the first time it logs in with one; from then on only that
// key may use it. The relay asks this when a message is for someone offline (kept or failed) and
// the login asks it before a name is claimed. This interface is the seam: in memory here, on the
// embedded store (store/), or in Redis (a cluster), and the callers never learn which.

import type {Eventually} from './eventually.js';

export type NameOwner = {
	/** nameKey(name): what makes `Alice` and `аlice` (Cyrillic а) the same name. */
	readonly nameKey: string;
	/** The name as its owner first logged in with it. */
	readonly name: string;
	/** The owner's Ed25519 public key, raw (32 bytes, RFC 8032). */
	readonly publicKey: Buffer;
	/** Milliseconds since the epoch. */
	readonly firstSeen: number;
	readonly lastSeen: number;
};

/** `bound`: the name is now this key's (just bound, or already was); `owner` is the owner. */
export type OwnerBinding = {readonly bound: boolean; readonly owner: NameOwner};

export type NameOwnerClaim = {
	readonly nameKey: string;
	readonly name: string;
	readonly publicKey: Uint8Array;
	readonly nowMs: number;
};

export type NameOwners = {
	/** The owner of the name whose key this is, if it has one. */
	ownerOf(nameKey: string): Eventually<NameOwner | undefined>;
	/** Binds the name to the claim's key unless it has an owner already (an atomic first use). */
	bind(claim: NameOwnerClaim): Eventually<OwnerBinding>;
	/** Records a login by the owner at `nowMs`, for the expiry of unused names. */
	touch(nameKey: string, nowMs: number): void;
	/** Frees the name for anyone (and drops what waits for it); the owner that was, if any. */
	release(nameKey: string): Eventually<NameOwner | undefined>;
	/** Every owned name, in key order, for `chat names`. */
	list(): Eventually<NameOwner[]>;
};

/** The owners of a host with no store: they last as long as the process. */
export class MemoryNameOwners implements NameOwners {
	readonly #owners = new Map<string, NameOwner>();

	ownerOf(nameKey: string): NameOwner | undefined {
		return this.#owners.get(nameKey);
	}

	bind(claim: NameOwnerClaim): OwnerBinding {
		const existing = this.#owners.get(claim.nameKey);
		if (existing) {
			return {bound: existing.publicKey.equals(claim.publicKey), owner: existing};
		}

		const owner: NameOwner = {
			nameKey: claim.nameKey,
			name: claim.name,
			publicKey: Buffer.from(claim.publicKey),
			firstSeen: claim.nowMs,
			lastSeen: claim.nowMs,
		};
		this.#owners.set(claim.nameKey, owner);
		return {bound: true, owner};
	}

	touch(nameKey: string, nowMs: number): void {
		const owner = this.#owners.get(nameKey);
		if (owner && nowMs > owner.lastSeen) this.#owners.set(nameKey, {...owner, lastSeen: nowMs});
	}

	release(nameKey: string): NameOwner | undefined {
		const owner = this.#owners.get(nameKey);
		this.#owners.delete(nameKey);
		return owner;
	}

	list(): NameOwner[] {
		return [...this.#owners.values()].sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1));
	}
}
