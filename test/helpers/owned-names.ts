// The store's name owners with some names bound straight to their test owner's key
// (keyed-client.ts ownerKey), as if each had logged in once: for the tests' hosts on a store
// (store-host.ts) and the host child they kill (offline-host-child.ts).
import type {DurableStore} from '../../source/host/store/durable-store.js';
import {StoreNameOwners} from '../../source/host/store/store-name-owners.js';
import {nameKey} from '../../source/protocol/name-key.js';
import {ownerKey, rawPublicKey} from './keyed-client.js';

export async function ownersWithNamesBound(
	store: DurableStore,
	owned: readonly string[],
): Promise<StoreNameOwners> {
	const owners = new StoreNameOwners(store.names, () => {});
	for (const name of owned) {
		await owners.bind({
			nameKey: nameKey(name),
			name,
			publicKey: rawPublicKey(ownerKey(name)),
			nowMs: Date.now(),
		});
	}

	return owners;
}
