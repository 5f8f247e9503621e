// Users coming and going (docs/protocol.md "Host → client", "Resume"): JOIN and LEAVE, and
// AWAY/BACK for a structured user inside the resume grace period, which is timed here.

import type {PresenceVerb} from '../../protocol/structured-messages.js';
import {whenReady} from './eventually.js';
import type {Relay} from './relay.js';
import type {CloseReason, User, UserLink} from './user.js';
import type {UserState} from './user-state.js';

/** Network trouble, not a decision to leave: a structured user may still resume. */
const AWAY_REASONS = new Set<CloseReason>(['dropped', 'ended', 'ping-timeout']);

type PresenceOptions = {
	resumeGraceMs: number;
	log(line: string): void;
};

export class Presence {
	readonly #users: UserState;
	readonly #relay: Relay;
	readonly #options: PresenceOptions;
	/** True once the host is stopping: nobody is told about anyone leaving any more. */
	#stopping = false;

	constructor(users: UserState, relay: Relay, options: PresenceOptions) {
		this.#users = users;
		this.#relay = relay;
		this.#options = options;
	}

	/** Tells every connected structured user except `about` that `about` joined, left, went away
	 * or came back; the line goes out with the next batch (presence-news.ts) or before the next line. */
	announce(verb: PresenceVerb, about: User): void {
		if (this.#stopping) return;
		// News about yourself is not for you: what came before it is.
		const own = about.link;
		own?.catchUpNews();
		this.#users.announce(verb, about);
		own?.skipNews();
	}

	/** The connection `user` was online on ended for `reason`: away, or gone. */
	linkEnded(user: User, reason: CloseReason): void {
		if (user.face === 'structured' && AWAY_REASONS.has(reason)) this.#away(user, reason);
		else this.left(user, reason);
	}

	/** An away user is back on `link` (a resume): the grace period ends. */
	returned(user: User, link: UserLink): void {
		if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
		user.graceTimer = undefined;
		this.#users.attach(user, link);
	}

	/** The user is gone for good: its name is free, others see LEAVE, held messages fail. */
	left(user: User, why: string): void {
		if (user.gone) return;
		user.gone = true;
		if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
		user.graceTimer = undefined;
		const held = this.#users.release(user);
		this.#options.log(`logout ${user.name}: ${why}`);
		this.announce('LEAVE', user);
		user.replay.clear();
		whenReady(held, (deliveries) => {
			this.#relay.settleLeft(user, deliveries);
		});
	}

	/** The host is stopping: no more news, and no grace period ends any more. */
	stop(): void {
		this.#stopping = true;
		for (const user of this.#users.users()) {
			if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
			user.graceTimer = undefined;
		}
	}

	/** A structured user's connection dropped: keep the name for the grace period. */
	#away(user: User, why: string): void {
		this.#users.detach(user);
		if (this.#stopping) {
			this.left(user, why);
			return;
		}

		this.#options.log(`away ${user.name}: ${why}`);
		this.announce('AWAY', user);
		user.graceTimer = setTimeout(Presence.#graceEnded, this.#options.resumeGraceMs, this, user);
	}

	static #graceEnded(presence: Presence, user: User): void {
		user.graceTimer = undefined;
		if (user.link === undefined) presence.left(user, 'did not resume in time');
	}
}
