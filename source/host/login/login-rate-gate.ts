// The login rate at the door (docs/protocol.md "Limits"): a connection's first line is its login,
// and takes one login from its address (login-rate.ts); past the rate the login is refused.

import type {Face} from '../relay/user.js';
import {addressKey} from './address-key.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {waitsForPassword} from './password-gate.js';
import {refuse} from './refusal.js';

/**
 * Counts the connection's login once, at its first line, and says whether it may go on. When its
 * address is past the rate, the login is refused in `face`'s form and the connection closed.
 */
export function admitLogin(context: LoginContext, link: LoginLink, face: Face): boolean {
	// Later lines (the name after a `pass:` line, lines kept while it waited) are no new login.
	if (link.login.counted) return true;
	link.login.counted = true;
	const waitMs = context.loginRate.take(link.address, Date.now());
	if (waitMs === 0) return true;
	link.face = face;
	const seconds = Math.ceil(waitMs / 1000);
	const reason = `too many logins from ${addressKey(link.address)}: try again in ${seconds} s`;
	refuse(context, link, 'too-many-logins', reason);
	return false;
}

/**
 * The link ended while its login waited for its password check: it never logged in and nobody
 * heard of it, so its login goes back to its address, as its try leaves the password line; a
 * storm of tries that hang up then costs the address's next login nothing. Called by
 * Connection.close, before leavePasswordLine.
 */
export function returnUnansweredLogin(context: LoginContext, link: LoginLink): void {
	if (link.login.counted && waitsForPassword(link.login)) context.loginRate.giveBack(link.address);
}
