// Messages for owners who are offline, kept in Redis (docs/cluster.md "Stored messages"), so the
// owner gets them on whichever host it logs in to: STORED once Redis has the entry (once per
// sender's ref, wherever it is resent), taken at the owner's login in one script, removed only
// once the owner's socket has them, and a DELIVERED for its sender on any host, or kept in Redis
// for the sender's next login.

import {nameKey} from '../../protocol/name-key.js';
import {encodeDelivered, encodeStoredMsg} from '../../protocol/structured-messages.js';
import type {Eventually} from '../relay/eventually.js';
import {flat} from '../relay/flat-string.js';
import type {NameOwner, NameOwners} from '../relay/name-owners.js';
import type {KeepOutcome, OfflineMail, OfflineMessage} from '../relay/offline-mail.js';
import type {Delivery, User, UserLink} from '../relay/user.js';
import {encodeHeld} from './cluster-frames.js';
import {encodeHostFrame} from './host-frames.js';
import {
	handingKey,
	hostChannel,
	nameClaimKey,
	receiptsKey,
	storedBytesKey,
	storedKey,
	storedRefKey,
} from './cluster-keys.js';
import {STORED_REF_MEMORY_MS} from './cluster-limits.js';
import {APPEND_STORED, OWE_RECEIPT, STORE} from './mail-scripts.js';
import type {RedisLink} from './redis-link.js';
import {storedEntries} from './stored-entries.js';
import {StoredTakes} from './stored-takes.js';

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
	readonly #takes: StoredTakes;

	constructor(options: RedisOfflineMailOptions) {
		this.#options = options;
		this.#takes = new StoredTakes(options);
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
		const keys = [
			storedKey(recipientKey),
			storedBytesKey(recipientKey),
			handingKey(recipientKey),
			nameClaimKey(recipientKey),
		];
		const late = encodeHostFrame({kind: 't', toKey: recipientKey});
		const args = [
			String(limits.messages),
			String(limits.bytes),
			entry,
			...this.#expiry(),
			hostChannel(''),
			late,
		];
		if (ref !== undefined) {
			keys.push(storedRefKey(sender.key, ref));
			args.push(`${id}\t${time}`, String(STORED_REF_MEMORY_MS));
		}

		let full: unknown;
		try {
			full = await this.#run(STORE, keys, args);
		} catch {
			return unreachable;
		}

		if (full === 0) return {kind: 'stored', id, time};
		if (typeof full === 'string') {
			// Stored already (a resend after a resume): the first one's id and time.
			const [first = id, firstTime = String(time)] = full.split('\t');
			return {kind: 'stored', id: first, time: Number(firstTime)};
		}

		const reason =
			full === 1
				? `${recipient} already has ${limits.messages} messages waiting, the most this cluster keeps`
				: `${recipient} already has ${Math.round(limits.bytes / 1024)} KiB of messages waiting, the most this cluster keeps`;
		return {kind: 'refused', code: 'mailbox-full', reason};
	}

	handOnWaiting(user: User, link: UserLink): void {
		if (!this.#options.link.up) return;
		this.#takes.atLogin(user).then(
			({deliveries, receipts}) => {
				// A connection that ended while Redis answered writes nothing: they wait in Redis.
				if (user.link !== link || user.gone) return;
				for (const delivery of deliveries) link.sendDelivery(delivery);
				for (const text of receipts) {
					const [ref, id, time] = text.split('\t');
					if (ref && id && time) link.send(encodeDelivered(ref, id, Number(time)));
				}

				this.#takes.receiptsWritten(user, receipts.length);
			},
			() => {
				// Nothing was taken: it waits for the next login.
			},
		);
	}

	/** Messages stored for `user`, of this host, after its login's take: they follow. An away
	 * user's wait with the rest being handed on, for its resume. */
	readonly takeLate = (user: User): void => {
		if (!this.#options.link.up) return;
		this.#takes.late(user).then(
			(deliveries) => {
				const link = user.link;
				if (link === undefined || user.gone) return;
				for (const delivery of deliveries) link.sendDelivery(delivery);
			},
			() => {
				// Nothing was taken: the next login takes it.
			},
		);
	};

	/** What the owner's earlier connections took and never wrote, oldest first (at a resume). */
	async handingFor(user: User): Promise<Delivery[]> {
		if (!this.#options.link.up) return [];
		return this.#takes.handing(user).catch(() => []);
	}

	handedOver(delivery: Delivery): void {
		const {ref, id, time} = delivery;
		if (delivery.kept !== 'stored') return;
		this.#takes.handedOver(delivery);
		if (ref === undefined) return;
		const sender = this.#options.users.find(delivery.sender.name);
		// Online on this host or another (a remote user's link goes through its host's channel).
		if (sender?.key === delivery.sender.key && sender.face === 'structured' && sender.link) {
			sender.link.send(encodeDelivered(ref, id, time));
			return;
		}

		const keys = [receiptsKey(delivery.sender.key)];
		this.#run(OWE_RECEIPT, keys, [this.#takes.ttl(), `${ref}\t${id}\t${time}`]).catch(() => {
			this.#options.log(`redis: a DELIVERED owed to ${delivery.sender.name} was lost`);
		});
	}

	keepForOwner(user: User, deliveries: readonly Delivery[]): Eventually<boolean> {
		// Stored messages taken at login and never written are still in Redis, being handed on:
		// the owner's next login or resume takes them. What was held goes to the owner's mailbox,
		// as on a single host, if the name is owned.
		const held = deliveries.filter((delivery) => delivery.kept !== 'stored');
		if (held.length === 0) return true;
		if (!this.#options.link.up) return false;
		const owner = this.#options.owners.ownerOf(user.key);
		if (!(owner instanceof Promise)) return owner !== undefined && this.#store(user, owner, held);
		return owner.then(
			async (found) => found !== undefined && this.#store(user, found, held),
			() => false,
		);
	}

	/** Stores what was held for `user`, an owner gone for good; resolves true once Redis has it. */
	async #store(user: User, owner: NameOwner, held: readonly Delivery[]): Promise<boolean> {
		// The owner's name as registered: a user of a host that died may be known here by key only.
		const entries = storedEntries(owner.name, held, this.#options.self);
		const keys = [storedKey(user.key), storedBytesKey(user.key)];
		try {
			await this.#run(APPEND_STORED, keys, [this.#takes.ttl(), ...entries]);
			return true;
		} catch {
			return false;
		}
	}

	/** The expiry cutoff and the keys' TTL, as script arguments. */
	#expiry(): [string, string] {
		const ttl = this.#options.expiryDays * DAY_MS;
		return [String(this.#options.now() - ttl), String(ttl)];
	}

	#run(script: string, keys: string[], args: string[]): Promise<unknown> {
		return this.#options.link.commands.eval(script, {keys, arguments: args});
	}
}
