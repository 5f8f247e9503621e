// The password step of the login (docs/protocol.md "Password"): it runs before the name is looked
// at. An address that failed lately waits before its check (password-failures.ts); lines the
// client sends meanwhile are kept (login-state.ts) and handed back in order once it is accepted.

import type {Face} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';
import {passwordsMatch} from './password-check.js';

type PasswordVerdict = 'accepted' | 'password-required' | 'password-wrong';

/**
 * Checks `given` (undefined: none was sent) and calls `onVerdict`, at once or after the wait.
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

	const {failures} = context;
	const decide = (): void => {
		const held = stopWaiting(link);
		if (link.closed) return;
		if (!passwordsMatch(given, expected)) {
			failures.failed(link.address, Date.now());
			onVerdict('password-wrong');
			return;
		}

		failures.succeeded(link.address);
		link.login.passwordAccepted = true;
		onVerdict('accepted');
		handBack(link, held);
	};

	const wait = failures.waitBeforeCheck(link.address, Date.now());
	if (wait === 0) {
		decide();
		return;
	}

	startWaiting(link, face);
	setTimeout(decide, wait).unref();
}

/** The structured `REFUSED` reason for a verdict other than accepted. */
export function passwordRefusalReason(verdict: Exclude<PasswordVerdict, 'accepted'>): string {
	return verdict === 'password-required'
		? 'this host needs a password: HELLO 1 <name> password=PASSWORD'
		: 'wrong password';
}
