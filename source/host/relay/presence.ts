// Who is online, as structured users see it (docs/protocol.md "Host → client", "Resume"):
// JOIN and LEAVE, and AWAY/BACK for a structured user inside the resume grace period.

import {encodePresence, type PresenceVerb} from '../../protocol/structured-messages.js';
import type {Relay} from './relay.js';
import type {User} from './user.js';

/** Tells every connected structured user except `about` that `about` joined, left, went away or
 * came back; the line goes out with the next batch (presence-news.ts) or before the next line. */
export function announce(relay: Relay, verb: PresenceVerb, about: User): void {
	if (relay.closing) return;
	// News about yourself is not for you: what came before it is.
	const own = about.connection?.queue;
	own?.catchUpNews();
	relay.news.publish(encodePresence(verb, about.name));
	own?.skipNews();
}

/** The user is gone for good: its name is free, others see LEAVE, held messages fail. */
export function userLeft(relay: Relay, user: User, why: string): void {
	if (user.gone) return;
	user.gone = true;
	user.connection = undefined;
	if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
	user.graceTimer = undefined;
	relay.directory.remove(user);
	relay.log(`logout ${user.name}: ${why}`);
	announce(relay, 'LEAVE', user);
	const held = user.held;
	user.held = [];
	user.replay.clear();
	if (held.length > 0) {
		relay.failDeliveries(
			held,
			'user-left',
			`${user.name} left before the message could be delivered`,
		);
	}
}

/** A structured user's connection dropped: keep the name for the grace period. */
export function userAway(relay: Relay, user: User, why: string): void {
	user.connection = undefined;
	if (relay.closing) {
		userLeft(relay, user, why);
		return;
	}

	relay.log(`away ${user.name}: ${why}`);
	announce(relay, 'AWAY', user);
	user.graceTimer = setTimeout(graceEnded, relay.settings.resumeGraceMs, relay, user);
}

function graceEnded(relay: Relay, user: User): void {
	user.graceTimer = undefined;
	if (user.connection === undefined) userLeft(relay, user, 'did not resume in time');
}
