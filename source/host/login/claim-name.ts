// The last step of a login: the name becomes the user's (docs/protocol.md "Names"), at once in
// memory, or once a store answers; then the welcome, and JOIN for everyone else.

import {PLAIN_WELCOME} from '../../protocol/plain-face.js';
import type {User} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';
import {refuse, takenReason} from './refusal.js';
import {newResumeToken} from './resume.js';
import {sendWelcome} from './welcome.js';

export function claim(context: LoginContext, link: LoginLink, user: User): void {
	const claimed = context.users.claim(user, link);
	if (typeof claimed === 'boolean') {
		settle(context, link, user, claimed);
		return;
	}

	// A store answers later: lines that come meanwhile wait, as they do for a password check.
	startWaiting(link, user.face);
	void claimed.then((value) => {
		const lines = stopWaiting(link);
		if (link.closed) {
			// The connection ended while the store answered: the name must not stay claimed.
			if (value) void context.users.release(user);
			return;
		}

		settle(context, link, user, value);
		handBack(link, lines);
	});
}

function settle(context: LoginContext, link: LoginLink, user: User, claimed: boolean): void {
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
		user.resumeToken = newResumeToken();
		sendWelcome(context, link, user);
	}

	context.presence.announce('JOIN', user);
}
