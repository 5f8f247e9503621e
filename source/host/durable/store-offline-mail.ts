// Messages for owners who are offline, kept in the store (docs/protocol.md "Messages for someone
// offline"): kept durably before STORED is said, handed on first at the owner's next login, each
// removed once it was written to the owner's socket, and a DELIVERED for its sender then or at
// the sender's next login.

import {nameKey} from '../../protocol/name-key.js';
import {encodeDelivered, msgOptions, msgText} from '../../protocol/structured-messages.js';
import type {Eventually} from '../relay/eventually.js';
import type {KeepOutcome, OfflineMail, OfflineMessage} from '../relay/offline-mail.js';
import type {Delivery, User, UserLink} from '../relay/user.js';
import type {MailboxLimits, MailboxSize} from '../store/mailbox-limits.js';
import type {WaitingMessage} from '../store/waiting-messages.js';
import {expiryCutoff} from '../store/store-limits.js';
import {keptDelivery} from './kept-delivery.js';
import type {StoreContext} from './store-context.js';

export type StoreOfflineMailOptions = StoreContext & {
	limits: MailboxLimits;
	/** Days a stored message is kept. */
	expiryDays: number;
};

export class StoreOfflineMail implements OfflineMail {
	readonly #options: StoreOfflineMailOptions;

	constructor(options: StoreOfflineMailOptions) {
		this.#options = options;
	}

	ownerName(name: string): Eventually<string | undefined> {
		const owner = this.#options.owners.ownerOf(nameKey(name));
		return owner instanceof Promise ? owner.then((found) => found?.name) : owner?.name;
	}

	async keep(message: OfflineMessage): Promise<KeepOutcome> {
		const {store, limits, health} = this.#options;
		const sender = message.sender.name;
		if (message.ref !== undefined) {
			// A SEND resent after a host restart (its ref is forgotten): the one kept stands.
			const kept = store.messages.findResent(message.recipientKey, sender, message.ref);
			if (kept) return {kind: 'stored', id: kept.id, time: kept.time};
		}

		try {
			const outcome = await store.messages.append(
				{
					id: message.id,
					kind: 'stored',
					recipientKey: message.recipientKey,
					time: message.time,
					sender,
					recipient: message.recipient,
					senderRef: message.ref,
					text: message.text,
					...(message.options && {options: message.options}),
				},
				limits,
			);
			health.wrote();
			if (outcome.kept) return {kind: 'stored', id: message.id, time: message.time};
			const reason = fullReason(message.recipient, outcome.limit, limits);
			return {kind: 'refused', code: 'mailbox-full', reason};
		} catch (error) {
			return {kind: 'refused', ...health.failed(error)};
		}
	}

	handOnWaiting(user: User, link: UserLink): void {
		const {store, expiryDays, now} = this.#options;
		const cutoff = expiryCutoff(now(), expiryDays);
		const expired: string[] = [];
		for (const message of store.messages.waitingFor(user.key)) {
			// The daily sweep may not have come yet: a message past its days is not handed on.
			if (message.time < cutoff) expired.push(message.id);
			else link.sendDelivery(keptDelivery(message, user));
		}

		if (expired.length > 0) this.#write(store.messages.remove(expired));
		const receipts = store.receipts.owedTo(user.key);
		if (receipts.length === 0) return;
		for (const receipt of receipts) {
			link.send(encodeDelivered(receipt.senderRef, receipt.id, receipt.time));
		}

		this.#write(store.receipts.settle(receipts.map((receipt) => receipt.id)));
	}

	handedOver(delivery: Delivery): void {
		const {store, users} = this.#options;
		const {ref, id} = delivery;
		if (delivery.kept === 'held' || ref === undefined) {
			// A held message's sender is a user of this host: the relay tells them.
			this.#write(store.messages.remove([id]));
			return;
		}

		const sender = users.find(delivery.sender.name);
		const link = sender?.face === 'structured' ? sender.link : undefined;
		if (link === undefined) {
			const receipt = {id, senderKey: delivery.sender.key, senderRef: ref, time: delivery.time};
			this.#write(store.receipts.handedOn(id, receipt));
			return;
		}

		link.send(encodeDelivered(ref, id, delivery.time));
		this.#write(store.receipts.handedOn(id));
	}

	keepForOwner(user: User, deliveries: readonly Delivery[]): Eventually<boolean> {
		const owner = this.#options.owners.ownerOf(user.key);
		return owner instanceof Promise
			? owner.then((found) => this.#keepFor(user, deliveries, found !== undefined))
			: this.#keepFor(user, deliveries, owner !== undefined);
	}

	#keepFor(user: User, deliveries: readonly Delivery[], owned: boolean): Eventually<boolean> {
		const {store} = this.#options;
		const kept = deliveries.filter((delivery) => delivery.kept !== undefined);
		if (!owned) {
			// Nobody owns the name: what waited for this user goes with them.
			if (kept.length > 0) this.#write(store.messages.remove(kept.map((each) => each.id)));
			return false;
		}

		// Messages moved from a replaced connection were never in the store: they are now.
		const writes: Array<Promise<unknown>> = deliveries
			.filter((delivery) => delivery.kept === undefined)
			.map(async (delivery) => store.messages.append(storedOf(delivery, user)));
		writes.push(store.messages.keepHeldAsStored(user.key));
		return Promise.all(writes).then(
			() => {
				this.#options.health.wrote();
				return true;
			},
			(error: unknown) => {
				this.#options.health.failed(error);
				// The held rows that were written stay; the next login or start hands them on.
				return false;
			},
		);
	}

	/** A write whose outcome only the health log needs. */
	#write(write: Promise<unknown>): void {
		write.then(
			() => this.#options.health.wrote(),
			(error: unknown) => this.#options.health.failed(error),
		);
	}
}

function storedOf(delivery: Delivery, recipient: User): WaitingMessage {
	const options = msgOptions(delivery.line);
	return {
		id: delivery.id,
		kind: 'stored' as const,
		recipientKey: recipient.key,
		time: delivery.time,
		sender: delivery.sender.name,
		recipient: recipient.name,
		senderRef: delivery.ref,
		text: msgText(delivery.line),
		...(options && {options}),
	};
}

function fullReason(name: string, limit: keyof MailboxSize, limits: MailboxLimits): string {
	return limit === 'messages'
		? `${name} already has ${limits.messages} messages waiting, the most this host keeps`
		: `${name} already has ${Math.round(limits.bytes / 1024)} KiB of messages waiting, the most this host keeps`;
}
