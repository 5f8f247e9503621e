// What a host on a store does besides relaying (docs/store.md): at start, the held messages of
// users who were away when the last host stopped are kept for their owners (stored) or, for a name
// nobody owns, for the first login within the resume grace; and every hour, the expired go.

import {whenReady} from '../relay/eventually.js';
import {DEFAULT_RETENTION_DAYS, EXPIRY_SWEEP_INTERVAL_MS} from '../store/store-limits.js';
import type {StoreContext} from './store-context.js';

export type StoreUpkeepOptions = StoreContext & {
	resumeGraceMs: number;
	messageExpiryDays: number;
	log: (line: string) => void;
};

export type StoreUpkeep = {stop(): void};

export function startStoreUpkeep(options: StoreUpkeepOptions): StoreUpkeep {
	const {store, owners} = options;
	const unowned: string[] = [];
	for (const key of store.messages.heldRecipients()) {
		whenReady(owners.ownerOf(key), (owner) => {
			if (owner === undefined) unowned.push(key);
			else settle(options, store.messages.keepHeldAsStored(key));
		});
	}

	// Nobody can prove a name nobody owns: its held messages wait only as long as a resume would.
	const graceTimer = setTimeout(() => dropUnclaimed(options, unowned), options.resumeGraceMs);
	graceTimer.unref();
	sweep(options);
	const sweepTimer = setInterval(() => sweep(options), EXPIRY_SWEEP_INTERVAL_MS);
	sweepTimer.unref();
	return {
		stop() {
			clearTimeout(graceTimer);
			clearInterval(sweepTimer);
		},
	};
}

function dropUnclaimed(options: StoreUpkeepOptions, keys: readonly string[]): void {
	const {store, users} = options;
	const ids: string[] = [];
	for (const key of keys) {
		for (const message of store.messages.waitingFor(key, 'held')) {
			if (users.find(message.recipient) === undefined) ids.push(message.id);
		}
	}

	if (ids.length > 0) settle(options, store.messages.remove(ids));
}

function sweep(options: StoreUpkeepOptions): void {
	const days = {...DEFAULT_RETENTION_DAYS, messages: options.messageExpiryDays};
	options.store.expireStale(options.now(), days).then(
		({messages, names}) => {
			options.health.wrote();
			if (messages.length > 0 || names.length > 0) {
				options.log(`store: expired ${messages.length} messages and ${names.length} names`);
			}
		},
		(error: unknown) => options.health.failed(error),
	);
}

function settle(options: StoreUpkeepOptions, write: Promise<unknown>): void {
	write.then(
		() => options.health.wrote(),
		(error: unknown) => options.health.failed(error),
	);
}
