// What a shared password may be (docs/protocol.md "Password"). It travels as one space-free
// parameter (`HELLO … password=P`) or after `pass:`, so it has no spaces and no control characters.

import {MAX_PASSWORD_LENGTH} from './limits.js';

/** The environment variable both commands read the password from (safer than a flag, which `ps` shows). */
export const PASSWORD_VARIABLE = 'CHAT_PASSWORD';

/** Whitespace, separators, control and format characters, and unassigned code points. */
const UNPRINTABLE = /[\p{White_Space}\p{Z}\p{C}]/u;

/** Why `password` cannot be used, or undefined when it can. */
export function passwordProblem(password: string): string | undefined {
	const length = [...password].length;
	if (length === 0) return 'the password is empty';
	if (length > MAX_PASSWORD_LENGTH) {
		return `the password is longer than ${MAX_PASSWORD_LENGTH} characters`;
	}

	if (UNPRINTABLE.test(password)) {
		return 'the password may only hold printable characters, without spaces';
	}

	return undefined;
}

/** The form both sides compare, so the same letters typed on different systems match. */
export function normalisePassword(password: string): string {
	return password.normalize('NFC');
}
