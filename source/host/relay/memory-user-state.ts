// The state seam (user-state.ts) kept in this process: names in a directory, held messages in a
// map, presence straight into this host's news. Everything answers synchronously.

import {encodePresence, type PresenceVerb} from '../../protocol/structured-messages.js';
import type {Delivery, User, UserLink} from './user.js';
import type {PresenceNews} from './presence-news.js';
import {UserDirectory} from './user-directory.js';
import type {HoldOutcome, UserState} from './user-state.js';

/** One object for every hold that succeeds: holding allocates only the array slot. */
const HELD: HoldOutcome = {kind: 'held'};

export class MemoryUserState implements UserState {
	readonly #directory = new UserDirectory();
	/** Away users' messages, oldest first; an entry only while something is held. */
	readonly #held = new Map<User, Delivery[]>();
	readonly #news: PresenceNews;
	readonly #maxHeld: number;

	/** `maxHeld`: messages held for one away user (MAX_HELD_MESSAGES, or `--max-held`). */
	constructor(news: PresenceNews, maxHeld: number) {
		this.#news = news;
		this.#maxHeld = maxHeld;
	}

	get size(): number {
		return this.#directory.size;
	}

	find(name: string): User | undefined {
		return this.#directory.find(name);
	}

	users(): Iterable<User> {
		return this.#directory.all();
	}

	claim(user: User, link: UserLink): boolean {
		if (this.#directory.get(user.key) !== undefined) return false;
		this.#directory.add(user);
		user.link = link;
		return true;
	}

	attach(user: User, link: UserLink): void {
		user.link = link;
	}

	detach(user: User): void {
		user.link = undefined;
	}

	release(user: User): Delivery[] {
		user.link = undefined;
		this.#directory.remove(user);
		return this.takeHeld(user);
	}

	hold(delivery: Delivery): HoldOutcome {
		const {recipient} = delivery;
		const held = this.#held.get(recipient);
		const waiting = held?.length ?? 0;
		if (waiting >= this.#maxHeld) return {kind: 'full', waiting};
		if (held === undefined) this.#held.set(recipient, [delivery]);
		else held.push(delivery);
		return HELD;
	}

	holdFirst(user: User, deliveries: Delivery[]): void {
		const held = this.#held.get(user);
		if (held === undefined) this.#held.set(user, [...deliveries]);
		else held.unshift(...deliveries);
	}

	takeHeld(user: User): Delivery[] {
		const held = this.#held.get(user);
		if (held === undefined) return [];
		this.#held.delete(user);
		return held;
	}

	follow(user: User, partnerName: string): void {
		user.partnerName = partnerName;
	}

	announce(verb: PresenceVerb, user: User): void {
		this.#news.publish(encodePresence(verb, user.name));
	}
}
