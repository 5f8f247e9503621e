// The password step of the login (docs/protocol.md "Password"): it runs before the name is looked
// at. Tries from one address take turns, and wait longer after failures (password-turns.ts); lines
// the client sends meanwhile are kept (login-state.ts) and handed back in order once it is accepted.

import type {Face} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';
import type {LoginState} from './login-state.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';
import {passwordsMatch} from './password-check.js';
import type {PasswordTry} from './password-turns.js';

type PasswordVerdict = 'accepted' | 'password-required' | 'password-wrong' | 'password-busy';

/**
 * Checks `given` (undefined: none was sent) and calls `onVerdict`, at once or when its turn comes.
 * A host without a password accepts anything. Nothing is called if the connection closes first.
 */
export function checkPassword(
	context: LoginContext,
	link: LoginLink,
	face: Face,
	given: string | undefined,
	onVerdict: (verdict: PasswordVerdict) => void,
): void {
	const expected = context.settings.password;
	if (expected === undefined) {
		link.login.passwordAccepted = true;
		onVerdict('accepted');
		return;
	}

	// Sending no password reveals nothing, so it is answered at once and not counted.
	if (given === undefined) {
		onVerdict('password-required');
		return;
	}

	const attempt: PasswordTry = {
		address: link.address,
		matches: () => passwordsMatch(given, expected),
		decided(right) {
			link.login.passwordTry = undefined;
			const held = stopWaiting(link);
			// A link that ended without leaving the line (leavePasswordLine) hears nothing.
			if (link.closed) return;
			if (!right) {
				onVerdict('password-wrong');
				return;
			}

			link.login.passwordAccepted = true;
			onVerdict('accepted');
			handBack(link, held);
		},
	};
	// Set before the try enters: its verdict may come at once, and clears them.
	link.login.passwordTry = attempt;
	startWaiting(link, face);
	if (context.passwordTurns.enter(attempt) !== 'full') return;
	// Refused unchecked: the line of tries from this address is full.
	link.login.passwordTry = undefined;
	stopWaiting(link);
	onVerdict('password-busy');
}

/** Whether this login's password waits for its turn: such a try is gone when its peer hangs up. */
export function waitsForPassword(login: LoginState): boolean {
	return login.passwordTry !== undefined;
}

/** The link has ended: its try leaves its address's line unchecked (called by Connection.close). */
export function leavePasswordLine(context: LoginContext, link: LoginLink): void {
	const attempt = link.login.passwordTry;
	if (attempt === undefined) return;
	link.login.passwordTry = undefined;
	context.passwordTurns.leave(attempt);
}

/** The structured `REFUSED` reason for a verdict other than accepted. */
export function passwordRefusalReason(verdict: Exclude<PasswordVerdict, 'accepted'>): string {
	if (verdict === 'password-busy') {
		return 'too many password tries from your address are waiting; try again later';
	}

	return verdict === 'password-required'
		? 'this host needs a password: HELLO 1 <name> password=PASSWORD'
		: 'wrong password';
}
