// A refused login (docs/protocol.md "Codes"): one line in the face's form, then the connection
// closes.

import {
	PLAIN_PASSWORD_BUSY,
	PLAIN_PASSWORD_NEEDED,
	PLAIN_PASSWORD_WRONG,
	PLAIN_REUSE,
	plainInvalidName,
	plainTooManyLogins,
} from '../../protocol/plain-face.js';
import {encodeCoded} from '../../protocol/structured-messages.js';
import type {LoginContext, LoginLink} from './login-link.js';

const PLAIN_REFUSALS: Record<string, (reason: string) => string> = {
	'name-taken': () => PLAIN_REUSE,
	'name-invalid': plainInvalidName,
	'password-required': () => PLAIN_PASSWORD_NEEDED,
	'password-wrong': () => PLAIN_PASSWORD_WRONG,
	'password-busy': () => PLAIN_PASSWORD_BUSY,
	'too-many-logins': plainTooManyLogins,
	// The same "Login refused: …" form: a cluster host that cannot reach Redis (docs/cluster.md).
	unavailable: plainTooManyLogins,
};

/** Refuses the login in the face's form and closes; `detail` is the reason (or the taken name). */
export function refuse(context: LoginContext, link: LoginLink, code: string, detail: string): void {
	context.log(`refused ${link.address}: ${code}`);
	let line: string;
	if (link.face === 'plain') {
		line = (PLAIN_REFUSALS[code] ?? plainInvalidName)(detail);
	} else {
		const reason =
			code === 'name-taken'
				? `the name ${detail} is taken`
				: code === 'name-invalid'
					? `invalid name: ${detail}`
					: detail;
		line = encodeCoded('REFUSED', code, reason);
	}

	link.close('refused', line);
}
