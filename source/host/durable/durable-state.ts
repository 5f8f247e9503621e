// A host's state on its store, wired once (docs/architecture.md "The state seam"): the users with
// durable held messages, the offline mail, ids that start above every stored one, and the upkeep.

import {MemoryUserState} from '../relay/memory-user-state.js';
import {MessageIds} from '../relay/message-ids.js';
import type {NameOwners} from '../relay/name-owners.js';
import type {OfflineMail} from '../relay/offline-mail.js';
import type {PresenceNews} from '../relay/presence-news.js';
import type {UserState} from '../relay/user-state.js';
import type {DurableStore} from '../store/durable-store.js';
import {messageIdsStartMs} from '../store/next-id-start.js';
import {DurableUserState} from './durable-user-state.js';
import {StoreHealth} from './store-health.js';
import {StoreOfflineMail} from './store-offline-mail.js';
import {startStoreUpkeep, type StoreUpkeep} from './store-upkeep.js';

export type DurableStateSettings = {
	store: DurableStore;
	owners: NameOwners;
	maxHeldMessages: number;
	maxStoredMessages: number;
	maxStoredBytes: number;
	messageExpiryDays: number;
	resumeGraceMs: number;
	now: () => number;
	log: (line: string) => void;
};

export type DurableState = {
	users: UserState;
	mail: OfflineMail;
	ids: MessageIds;
	upkeep: StoreUpkeep;
};

export function wireDurableState(settings: DurableStateSettings, news: PresenceNews): DurableState {
	const {store, owners, now, log} = settings;
	const health = new StoreHealth(log);
	const memory = new MemoryUserState(news, settings.maxHeldMessages);
	const users = new DurableUserState(memory, store.messages, health);
	const mail = new StoreOfflineMail({
		store,
		owners,
		users,
		limits: {messages: settings.maxStoredMessages, bytes: settings.maxStoredBytes},
		expiryDays: settings.messageExpiryDays,
		now,
		health,
	});
	const ids = new MessageIds(messageIdsStartMs(store.messages.highestId(), now()));
	const upkeep = startStoreUpkeep({
		store,
		owners,
		users,
		resumeGraceMs: settings.resumeGraceMs,
		messageExpiryDays: settings.messageExpiryDays,
		now,
		health,
		log,
	});
	return {users, mail, ids, upkeep};
}
