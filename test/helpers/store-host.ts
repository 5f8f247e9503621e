// A host on a store in a test's own data folder, and names bound directly to their test owner's
// key (keyed-client.ts ownerKey; log in with loginOwner): for the offline-mail and restart tests.
//
//   const data = storeDir();
//   const host = await startStoreHost(t, data, {owned: ['bob']});
//   … host.stop() closes the host, then the store, as chat host does …

import type {TestContext} from 'node:test';
import type {HostOptions} from '../../source/host/host-options.js';
import {openDurableStore, type DurableStore} from '../../source/host/store/durable-store.js';
import {ownersWithNamesBound} from './owned-names.js';
import {startTestHost, type TestHost} from './start-host.js';

export type StoreHost = TestHost & {readonly store: DurableStore};

export async function startStoreHost(
	t: TestContext,
	dir: string,
	options: HostOptions & {owned?: readonly string[]; maxStoreBytes?: number} = {},
): Promise<StoreHost> {
	const {owned = [], maxStoreBytes, ...hostOptions} = options;
	const store = openDurableStore({dir, ...(maxStoreBytes ? {maxStoreBytes} : {})});
	const owners = await ownersWithNamesBound(store, owned);
	const host = await startTestHost({...hostOptions, store, owners});
	const stopHost = host.stop;
	let stopped: Promise<void> | undefined;
	const stop = (): Promise<void> => {
		stopped ??= stopHost().then(async () => store.close());
		return stopped;
	};

	t.after(stop);
	return Object.assign(host, {store, stop});
}
