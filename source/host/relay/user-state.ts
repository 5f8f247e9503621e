// The state seam: what the host knows about users that another host, or this host after a restart,
// would need. The relay, the presence and the login use this interface and never learn which
// implementation they have: memory-user-state.ts in one process, cluster/redis-user-state.ts
// shared through Redis.

import type {PresenceVerb} from '../../protocol/structured-messages.js';
import type {Delivery, User, UserLink} from './user.js';
import type {Eventually} from './eventually.js';

/** What became of a message for an away user: held (HELD to its sender), or not, being full. */
export type HoldOutcome =
	| {readonly kind: 'held'}
	| {readonly kind: 'full'; readonly waiting: number}
	/** A shared store could not be reached: the sender is told why (a cluster without Redis). */
	| {readonly kind: 'unavailable'; readonly code: string; readonly reason: string};

/** A claim's answer: the name is the user's now, or it is held already, or (a shared state)
 * the store that decides could not be asked. */
export type ClaimAnswer = boolean | 'unavailable';

/**
 * Who is online and on which connection, whose names are claimed, the presence news, and the
 * messages held for users who are away.
 *
 * - Lookups (`find`, `users`, `size`) are synchronous and read a local view: the relay asks on
 *   every message. A shared implementation keeps that view current from every host's presence,
 *   and gives a user on another host a `link` that routes to that host.
 * - Claims and held messages are `Eventually`: in memory they are answered in the same tick (no
 *   promise, no allocation); a durable or shared store answers with a promise. Operations on one
 *   user take effect in the order they are called, and a promise never rejects: a store that
 *   cannot be reached answers `'unavailable'` (a claim) or an `unavailable` hold, with a reason.
 * - `User` objects are the records: an implementation sets `user.link` in `claim`, `attach` and
 *   `detach`, and nothing else does.
 */
export type UserState = {
	/** Users known now, online or away. */
	readonly size: number;
	/** The user `name` means, typed in any case or with look-alike letters. */
	find(name: string): User | undefined;
	/** Every known user, for the roster. */
	users(): Iterable<User>;
	/** Claims `user.key` for `user`, online on `link`; false if the name is held already. */
	claim(user: User, link: UserLink): Eventually<ClaimAnswer>;
	/** The user is online again, on `link` (a resume). */
	attach(user: User, link: UserLink): void;
	/** The user's connection is gone; the name stays theirs (away). */
	detach(user: User): void;
	/** Frees the name for good; gives back what was still held for the user, to be failed. */
	release(user: User): Eventually<Delivery[]>;
	/** Holds a message for its away recipient, unless the recipient has the most it may. */
	hold(delivery: Delivery): Eventually<HoldOutcome>;
	/** Puts back, ahead of what is held, messages a replaced connection never wrote. */
	holdFirst(user: User, deliveries: Delivery[]): void;
	/** Takes everything held for the user, oldest first. */
	takeHeld(user: User): Eventually<Delivery[]>;
	/** The plain face's following rule: `user`'s partner is now `partnerName`, on whichever host
	 * `user` is. */
	follow(user: User, partnerName: string): void;
	/** Tells everyone (every host) that `user` joined, left, went away or came back; it is in
	 * this host's presence news when this returns. */
	announce(verb: PresenceVerb, user: User): void;
};
