// Messages for owners who are offline, kept in Redis (docs/cluster.md "Stored messages"), so the
// owner gets them on whichever host it logs in to: STORED once Redis has the entry, taken at the
// owner's login in one script (so once), and a DELIVERED for its sender on any host, or kept in
// Redis for the sender's next login.

import {nameKey} from '../../protocol/name-key.js';
import {encodeDelivered, encodeStoredMsg} from '../../protocol/structured-messages.js';
import type {Eventually} from '../relay/eventually.js';
import {flat} from '../relay/flat-string.js';
import type {NameOwners} from '../relay/name-owners.js';
import type {KeepOutcome, OfflineMail, OfflineMessage} from '../relay/offline-mail.js';
import type {Delivery, User, UserLink} from '../relay/user.js';
import {decodeHeld, encodeHeld} from './cluster-frames.js';
import {
	receiptsKey,
	storedBytesKey,
	storedCountKey,
	storedKey,
	storedOpenKey,
} from './cluster-keys.js';
import {goneUser} from './cluster-routing.js';
import {heldEntry} from './held-deliveries.js';
import {OWE_RECEIPT, RESTORE_STORED, STORE, TAKE_STORED} from './mail-scripts.js';
import type {RedisLink} from './redis-link.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RedisOfflineMailOptions = {
	readonly self: string;
	readonly link: RedisLink;
	/** The cluster's owners (RedisNameOwners), or the ones the host was given. */
	readonly owners: NameOwners;
	/** Whom a DELIVERED can reach now: users of this host and of the others (the cluster view). */
	readonly users: {find(name: string): User | undefined};
	/** The most one owner's mailbox holds (--mailbox-size, --mailbox-bytes). */
	readonly limits: {readonly messages: number; readonly bytes: number};
	/** Days a stored message is kept (--message-expiry). */
	readonly expiryDays: number;
	readonly now: () => number;
	readonly log: (line: string) => void;
};

export class RedisOfflineMail implements OfflineMail {
	readonly #options: RedisOfflineMailOptions;

	constructor(options: RedisOfflineMailOptions) {
		this.#options = options;
	}

	ownerName(name: string): Eventually<string | undefined> {
		// Without Redis nobody can tell whether the name is owned: keep() then says so.
		if (!this.#options.link.up) return name;
		const owner = this.#options.owners.ownerOf(nameKey(name));
		if (!(owner instanceof Promise)) return owner?.name;
		return owner.then(
			(found) => found?.name,
			() => name,
		);
	}

	async keep(message: OfflineMessage): Promise<KeepOutcome> {
		const {link, limits, self} = this.#options;
		const unreachable: KeepOutcome = {
			kind: 'refused',
			code: 'unreachable',
			reason: `${message.recipient} is offline, and the cluster's Redis that keeps their messages cannot be reached`,
		};
		if (!link.up) return unreachable;
		const {id, time, sender, ref, recipient, recipientKey, text, options} = message;
		const entry = encodeHeld({
			id,
			time,
			ref,
			fromKey: sender.key,
			fromName: sender.name,
			origin: self,
			line: flat(encodeStoredMsg(id, time, sender.name, recipient, ref, text, options)),
		});
		const more = options?.more === undefined ? '0' : '1';
		const args = [String(limits.messages), String(limits.bytes), entry, ...this.#expiry()];
		args.push(sender.key, more);
		let full: unknown;
		try {
			full = await this.#run(STORE, mailKeys(recipientKey), args);
		} catch {
			return unreachable;
		}

		if (full === 0) return {kind: 'stored', id, time};
		const reason =
			full === 1
				? `${recipient} already has ${limits.messages} messages waiting, the most this cluster keeps`
				: `${recipient} already has ${Math.round(limits.bytes / 1024)} KiB of messages waiting, the most this cluster keeps`;
		return {kind: 'refused', code: 'mailbox-full', reason};
	}

	handOnWaiting(user: User, link: UserLink): void {
		if (!this.#options.link.up) return;
		const {key} = user;
		const [list, bytes, count, open] = mailKeys(key);
		this.#run(TAKE_STORED, [list, bytes, receiptsKey(key), count, open], []).then(
			(taken) => {
				const [stored, receipts] = Array.isArray(taken) ? (taken as unknown[]) : [];
				this.#handOn(user, link, stored);
				if (!Array.isArray(receipts)) return;
				for (const text of receipts) {
					const [ref, id, time] = String(text).split('\t');
					if (ref && id && time) link.send(encodeDelivered(ref, id, Number(time)));
				}
			},
			() => {
				// Nothing was taken: it waits for the next login.
			},
		);
	}

	handedOver(delivery: Delivery): void {
		const {ref, id, time} = delivery;
		if (delivery.kept !== 'stored' || ref === undefined) return;
		const sender = this.#options.users.find(delivery.sender.name);
		// Online on this host or another (a remote user's link goes through its host's channel).
		if (sender?.key === delivery.sender.key && sender.face === 'structured' && sender.link) {
			sender.link.send(encodeDelivered(ref, id, time));
			return;
		}

		const keys = [receiptsKey(delivery.sender.key)];
		this.#run(OWE_RECEIPT, keys, [this.#ttl(), `${ref}\t${id}\t${time}`]).catch(() => {
			this.#options.log(`redis: a DELIVERED owed to ${delivery.sender.name} was lost`);
		});
	}

	keepForOwner(user: User, deliveries: readonly Delivery[]): Eventually<boolean> {
		// Stored messages taken at login that never reached the socket go back, first in line.
		// What was held for an away user goes as held messages go in a cluster (user-left).
		const stored = deliveries.filter((delivery) => delivery.kept === 'stored');
		if (stored.length > 0) this.#restore(user.key, stored);
		return stored.length === deliveries.length;
	}

	#handOn(user: User, link: UserLink, entries: unknown): void {
		if (!Array.isArray(entries) || entries.length === 0) return;
		const cutoff = this.#options.now() - this.#options.expiryDays * DAY_MS;
		const deliveries: Delivery[] = [];
		for (const text of entries) {
			const entry = typeof text === 'string' ? decodeHeld(text) : undefined;
			// The script drops expired entries only when it appends: some may still be here.
			if (entry === undefined || entry.time < cutoff) continue;
			deliveries.push({
				id: entry.id,
				time: entry.time,
				sender: goneUser(entry.fromName, entry.fromKey),
				ref: entry.ref,
				recipient: user,
				line: entry.line,
				kept: 'stored',
			});
		}

		if (user.link === link && !user.gone) {
			for (const delivery of deliveries) link.sendDelivery(delivery);
		} else {
			// The connection ended while Redis answered: they wait for the next login.
			this.#restore(user.key, deliveries);
		}
	}

	#restore(key: string, deliveries: readonly Delivery[]): void {
		if (deliveries.length === 0) return;
		const entries = deliveries.map((delivery) => heldEntry(delivery, this.#options.self));
		const ttl = this.#ttl();
		this.#run(RESTORE_STORED, mailKeys(key).slice(0, 3), [ttl, ...entries]).catch(() => {
			this.#options.log(
				`redis: ${deliveries.length} stored messages for a user who left were lost`,
			);
		});
	}

	/** The expiry cutoff and the keys' TTL, as script arguments. */
	#expiry(): [string, string] {
		const ttl = this.#options.expiryDays * DAY_MS;
		return [String(this.#options.now() - ttl), String(ttl)];
	}

	/** How long the mail keys live after their last write: by then every entry has expired. */
	#ttl(): string {
		return String(this.#options.expiryDays * DAY_MS);
	}

	#run(script: string, keys: string[], args: string[]): Promise<unknown> {
		return this.#options.link.commands.eval(script, {keys, arguments: args});
	}
}

/** An owner's mailbox in Redis: the stored list, its bytes, its message count, its open senders. */
function mailKeys(nameKey: string): [string, string, string, string] {
	return [
		storedKey(nameKey),
		storedBytesKey(nameKey),
		storedCountKey(nameKey),
		storedOpenKey(nameKey),
	];
}
