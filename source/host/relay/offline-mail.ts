// Messages for someone who is offline (docs/protocol.md "Messages for someone offline"): the seam
// the relay keeps them through. A host with a store keeps them there (durable/store-offline-mail.ts);
// a host without one has nowhere durable, so NO_OFFLINE_MAIL knows no owner and keeps nothing.

import type {MessageOptions} from '../../protocol/message-options.js';
import type {Eventually} from './eventually.js';
import type {Delivery, User, UserLink} from './user.js';

/** A message for an owner who is offline, as the relay asks for it to be kept. */
export type OfflineMessage = {
	readonly id: string;
	readonly time: number;
	readonly sender: User;
	/** The structured sender's ref; undefined for a plain sender. */
	readonly ref: string | undefined;
	/** The owner's name as registered, and its key. */
	readonly recipient: string;
	readonly recipientKey: string;
	readonly text: string;
	/** The SEND's options (a part of a longer message, an action), kept with it. */
	readonly options?: MessageOptions | undefined;
};

/** Kept (STORED to its sender), or not, with a code and a sentence for FAILED. */
export type KeepOutcome =
	| {readonly kind: 'stored'; readonly id: string; readonly time: number}
	| {readonly kind: 'refused'; readonly code: string; readonly reason: string};

export type OfflineMail = {
	/** The owner's name as registered, if `name` is owned (so mail can wait for it). */
	ownerName(name: string): Eventually<string | undefined>;
	/** Keeps a message until its owner logs in; resolves once it is durable (or refused). */
	keep(message: OfflineMessage): Promise<KeepOutcome>;
	/** A user logged in on `link`: what waits for them goes out first, then the receipts they are
	 * owed. Only for a user the login found to be the name's rightful user. */
	handOnWaiting(user: User, link: UserLink): void;
	/** A kept delivery reached its recipient's socket: it stops waiting; its sender is told. */
	handedOver(delivery: Delivery): void;
	/** The user is gone for good with these messages undelivered: kept for the name's owner
	 * (true: their senders are told STORED), or dropped from the store (false: to be failed). */
	keepForOwner(user: User, deliveries: readonly Delivery[]): Eventually<boolean>;
};

/** A host without a store: no name can receive mail while offline. */
export const NO_OFFLINE_MAIL: OfflineMail = {
	ownerName: () => undefined,
	keep: async () => ({kind: 'refused', code: 'no-such-user', reason: 'no store'}),
	handOnWaiting() {},
	handedOver() {},
	keepForOwner: () => false,
};
