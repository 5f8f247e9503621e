// Names nobody uses go back to everyone (docs/protocol.md "Identity", --name-expiry): a name whose
// owner has not logged in for the expiry is released, with what waits for it. A name in use now
// is never released, however long its session has lasted.

import type {NameOwner, NameOwners} from './name-owners.js';
import type {UserState} from './user-state.js';

type Sweep = {
	readonly owners: NameOwners;
	readonly users: Pick<UserState, 'find'>;
	readonly expiryMs: number;
	readonly nowMs: number;
};

/** Releases every owned name last seen more than `expiryMs` before `nowMs`; those released. */
export async function releaseUnusedNames(sweep: Sweep): Promise<NameOwner[]> {
	const cutoff = sweep.nowMs - sweep.expiryMs;
	const released: NameOwner[] = [];
	for (const owner of await sweep.owners.list()) {
		if (owner.lastSeen >= cutoff || sweep.users.find(owner.name) !== undefined) continue;
		const gone = await sweep.owners.release(owner.nameKey);
		if (gone !== undefined) released.push(gone);
	}

	return released;
}
