// Taking an owner's stored messages out of Redis to hand them on (docs/cluster.md "Stored
// messages"): at its login, when one is stored just after that, and at a resume. Each take leaves
// the entries in the owner's list being handed on until its socket has them, so a host killed
// meanwhile loses none; entries past their days leave with the take.

import type {Delivery, User} from '../relay/user.js';
import {handingKey, receiptsKey, storedBytesKey, storedKey} from './cluster-keys.js';
import {TAKE_LATE_STORED, TAKE_STORED} from './mail-scripts.js';
import type {RedisLink} from './redis-link.js';
import {StoredConfirmations} from './stored-confirmations.js';
import {storedDeliveries} from './stored-entries.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type StoredTakesOptions = {
	readonly link: RedisLink;
	/** Days a stored message is kept (--message-expiry). */
	readonly expiryDays: number;
	readonly now: () => number;
	readonly log: (line: string) => void;
};

export class StoredTakes {
	readonly #options: StoredTakesOptions;
	readonly #confirmations: StoredConfirmations;

	constructor(options: StoredTakesOptions) {
		this.#options = options;
		this.#confirmations = new StoredConfirmations(options.link, options.log);
	}

	/** At the owner's login: everything waiting, oldest first, and the receipts it is owed (each
	 * `ref<TAB>id<TAB>time`; they stay in Redis until `receiptsWritten`). */
	async atLogin(user: User): Promise<{deliveries: Delivery[]; receipts: string[]}> {
		const {key} = user;
		const keys = [storedKey(key), storedBytesKey(key), receiptsKey(key), handingKey(key)];
		const taken = await this.#run(TAKE_STORED, keys, [this.ttl()]);
		const [stored, receipts] = Array.isArray(taken) ? (taken as unknown[]) : [];
		return {
			deliveries: this.#deliveries(user, stored),
			receipts: Array.isArray(receipts) ? receipts.map(String) : [],
		};
	}

	/** The first `count` receipts owed to `user` were queued for its socket: they leave Redis once
	 * this tick's write has gone (a host killed before that tells them again at the next login). */
	receiptsWritten(user: User, count: number): void {
		if (count === 0) return;
		setImmediate(() => {
			this.#options.link.commands.lTrim(receiptsKey(user.key), count, -1).catch(() => {
				// They stay: the next login tells them again, which the client ignores.
			});
		});
	}

	/** What was stored after the login's take, oldest first. */
	async late(user: User): Promise<Delivery[]> {
		const {key} = user;
		const keys = [storedKey(key), storedBytesKey(key), handingKey(key)];
		return this.#deliveries(user, await this.#run(TAKE_LATE_STORED, keys, [this.ttl()]));
	}

	/** What earlier connections took and never wrote, oldest first (at a resume). */
	async handing(user: User): Promise<Delivery[]> {
		const entries = await this.#options.link.commands.lRange(handingKey(user.key), 0, -1);
		return this.#deliveries(user, entries);
	}

	/** A stored delivery reached its owner's socket: it leaves Redis. */
	handedOver(delivery: Delivery): void {
		this.#confirmations.handedOver(delivery);
	}

	/** How long the mail keys live after their last write: by then every entry has expired. */
	ttl(): string {
		return String(this.#options.expiryDays * DAY_MS);
	}

	/** The deliveries of stored entries, oldest first; those past their days leave Redis. */
	#deliveries(user: User, entries: unknown): Delivery[] {
		const cutoff = this.#options.now() - this.#options.expiryDays * DAY_MS;
		const {deliveries, expired} = storedDeliveries(entries, user, cutoff);
		this.#confirmations.remove(user.key, expired);
		return deliveries;
	}

	async #run(script: string, keys: string[], args: string[]): Promise<unknown> {
		return this.#options.link.commands.eval(script, {keys, arguments: args});
	}
}
