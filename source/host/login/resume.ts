// Resume (docs/protocol.md "Resume"): a structured client that returns with its token gets its
// name back, what the drop may have lost (`last=`), then what was held, in id order.

import {randomBytes, timingSafeEqual} from 'node:crypto';
import {RESUME_TOKEN_BYTES} from '../../protocol/limits.js';
import {encodeCoded} from '../../protocol/structured-messages.js';
import {whenReady} from '../relay/eventually.js';
import type {User} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {sendWelcome} from './welcome.js';

export function newResumeToken(): string {
	return randomBytes(RESUME_TOKEN_BYTES).toString('base64url');
}

/** True when `token` reclaims `user` (compared in constant time). */
export function canResume(user: User, token: string | undefined): boolean {
	if (token === undefined || user.face !== 'structured' || user.gone) return false;
	const expected = Buffer.from(user.resumeToken);
	const given = Buffer.from(token);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

export function resume(
	context: LoginContext,
	link: LoginLink,
	user: User,
	last: string | undefined,
): void {
	const old = user.link;
	const wasAway = old === undefined;
	// Before attaching, so a shared state records the new token with the user's new connection.
	user.resumeToken = newResumeToken();
	context.presence.returned(user, link);
	link.loggedIn(user, 'structured');
	// The old connection's unsent messages move to the held ones, ahead of anything newer.
	old?.close(
		'replaced',
		encodeCoded('BYE', 'replaced', 'you logged in again on another connection'),
	);
	context.log(`resume ${user.name} from ${link.address}${wasAway ? '' : ' (replaced)'}`);
	sendWelcome(context, link, user);

	if (last !== undefined) {
		for (const line of user.replay.after(Number(last))) link.send(line);
	}

	whenReady(context.users.takeHeld(user), (held) => {
		for (const delivery of held) link.sendDelivery(delivery);
		if (wasAway) context.presence.announce('BACK', user);
	});
}
