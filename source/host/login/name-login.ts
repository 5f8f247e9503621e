// The name step of the login (docs/protocol.md "Names", "Resume"): a valid name that nobody
// holds is claimed, or a structured user's own name is resumed with its token.

import {PROTOCOL_VERSION} from '../../protocol/limits.js';
import {checkName, nameKey} from '../../protocol/name-rules.js';
import {PLAIN_WELCOME} from '../../protocol/plain-face.js';
import type {Hello} from '../../protocol/structured-messages.js';
import {User} from '../relay/user.js';
import type {ClaimAnswer} from '../relay/user-state.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';
import {refuse} from './refusal.js';
import {canResume, newResumeToken, resume} from './resume.js';
import {sendWelcome} from './welcome.js';

export function plainLogin(context: LoginContext, link: LoginLink, line: string): void {
	const check = checkName(line);
	if (!check.ok) {
		refuse(context, link, 'name-invalid', check.reason);
		return;
	}

	if (context.users.find(check.name) !== undefined) {
		refuse(context, link, 'name-taken', check.name);
		return;
	}

	claim(context, link, new User(check.name, nameKey(check.name), 'plain'));
}

export function structuredLogin(context: LoginContext, link: LoginLink, hello: Hello): void {
	if (hello.version !== String(PROTOCOL_VERSION)) {
		const reason = `this host speaks version ${PROTOCOL_VERSION}, not ${hello.version}`;
		refuse(context, link, 'version-unsupported', reason);
		return;
	}

	const check = checkName(hello.name);
	if (!check.ok) {
		refuse(context, link, 'name-invalid', check.reason);
		return;
	}

	const existing = context.users.find(check.name);
	if (existing !== undefined && canResume(existing, hello.resume)) {
		resume(context, link, existing, hello.last);
		return;
	}

	if (existing !== undefined) {
		refuse(context, link, 'name-taken', check.name);
		return;
	}

	claim(context, link, new User(check.name, nameKey(check.name), 'structured'));
}

function claim(context: LoginContext, link: LoginLink, user: User): void {
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
		refuse(context, link, 'name-taken', user.name);
		return;
	}

	link.loggedIn(user, user.face);
	context.log(`login ${user.name} (${user.face}) from ${link.address}`);
	if (user.face === 'plain') {
		link.send(PLAIN_WELCOME);
	} else {
		sendWelcome(context, link, user);
	}

	context.presence.announce('JOIN', user);
}
