// What every part of a host on its store works with: the store, who owns which name, who is
// online now, the clock, and where a failure of the store is told.

import type {NameOwners} from '../relay/name-owners.js';
import type {UserState} from '../relay/user-state.js';
import type {DurableStore} from '../store/durable-store.js';
import type {StoreHealth} from './store-health.js';

export type StoreContext = {
	store: DurableStore;
	owners: NameOwners;
	/** Whom a message or a DELIVERED can reach now. */
	users: Pick<UserState, 'find'>;
	now: () => number;
	health: StoreHealth;
};
