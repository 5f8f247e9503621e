// The last step of a login: the name becomes the user's (docs/protocol.md "Names"), at once in
// memory, or once a store answers; then the welcome, and JOIN for everyone else.

import {PLAIN_WELCOME} from '../../protocol/plain-face.js';
import type {User} from '../relay/user.js';
import type {ClaimAnswer} from '../relay/user-state.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';
import {refuse, takenReason} from './refusal.js';
import {newResumeToken} from './resume.js';
import {sendWelcome} from './welcome.js';

export function claim(context: LoginContext, link: LoginLink, user: User): void {
	// Made before the claim, so a shared state records it with the name (a resume on another host).
	if (user.face === 'structured') user.resumeToken = newResumeToken();
	const claimed = context.users.claim(user, link);
	if (!(claimed instanceof Promise)) {
		settle(context, link, user, claimed);
		return;
	}

	// A store answers later: lines that come meanwhile wait, as they do for a password check.
	startWaiting(link, user.face);
	void claimed.then((value) => {
		const lines = stopWaiting(link);
		if (link.closed) {
			// The connection ended while the store answered: the name must not stay claimed.
			if (value === true) void context.users.release(user);
			return;
		}

		settle(context, link, user, value);
		handBack(link, lines);
	});
}

function settle(context: LoginContext, link: LoginLink, user: User, claimed: ClaimAnswer): void {
	if (claimed === 'unavailable') {
		const reason = 'this host cannot reach the rest of its cluster now; try again soon';
		refuse(context, link, 'unavailable', reason);
		return;
	}

	if (!claimed) {
		refuse(context, link, 'name-taken', takenReason(context, user.name));
		return;
	}

	link.loggedIn(user, user.face);
	const key = user.fingerprint === undefined ? '' : ` with key ${user.fingerprint}`;
	context.log(`login ${user.name} (${user.face}) from ${link.address}${key}`);
	if (user.face === 'plain') {
		link.send(PLAIN_WELCOME);
	} else {
		sendWelcome(context, link, user);
		// What waited for the name while nobody held it comes before anything new (only now: the
		// login proved the user may have the name).
		context.mail?.handOnWaiting(user, link);
	}

	context.presence.announce('JOIN', user);
}
