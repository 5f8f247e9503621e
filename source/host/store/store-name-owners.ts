// The name owners of a durable host: the seam of relay/name-owners.ts over the store's bindings.
// Lookups read committed rows at once; a bind, a touch or a release resolves once it is durable.

import type {NameOwner, NameOwnerClaim, NameOwners, OwnerBinding} from '../relay/name-owners.js';
import type {NameBinding, NameBindings} from './name-bindings.js';

export class StoreNameOwners implements NameOwners {
	readonly #bindings: NameBindings;
	readonly #onTouchFailure: (error: unknown) => void;

	/** `onTouchFailure` hears a last-seen time that could not be kept (the store is failing). */
	constructor(bindings: NameBindings, onTouchFailure: (error: unknown) => void) {
		this.#bindings = bindings;
		this.#onTouchFailure = onTouchFailure;
	}

	ownerOf(nameKey: string): NameOwner | undefined {
		return this.#bindings.lookup(nameKey);
	}

	async bind(claim: NameOwnerClaim): Promise<OwnerBinding> {
		const {bound, binding} = await this.#bindings.bind(claim);
		return {bound, owner: binding};
	}

	touch(nameKey: string, nowMs: number): void {
		this.#bindings.touch(nameKey, nowMs).catch(this.#onTouchFailure);
	}

	release(nameKey: string): Promise<NameBinding | undefined> {
		return this.#bindings.release(nameKey);
	}

	list(): NameOwner[] {
		return this.#bindings.list();
	}
}
