// The first line decides the face (docs/protocol.md, the table at the top); the password step
// comes before the name (docs/protocol.md "Password"). Every line before the login ends is here.

import {PLAIN_PASS_PREFIX} from '../../protocol/plain-face.js';
import {parseClientLine} from '../../protocol/structured-messages.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {admitLogin} from './login-rate-gate.js';
import {holdWhileWaiting} from './login-wait.js';
import {plainLogin, structuredLogin} from './name-login.js';
import {checkPassword, passwordRefusalReason} from './password-gate.js';
import {refuse} from './refusal.js';

const STRUCTURED_PREFIX = 'HELLO ';

export function handleLoginLine(context: LoginContext, link: LoginLink, line: string): void {
	const face = line.startsWith(STRUCTURED_PREFIX) ? 'structured' : 'plain';
	if (!admitLogin(context, link, face)) return;
	// Lines that come while the login waits (for its password check, say) are handled after it.
	if (holdWhileWaiting(link, line, context.log)) return;
	const {challenge} = link.login;
	if (challenge !== undefined) {
		// After CHALLENGE the one line expected is the proof (key-login.ts).
		const proof = parseClientLine(line);
		challenge(proof.kind === 'prove' ? proof.signature : undefined);
		return;
	}

	const {passwordAccepted} = link.login;
	if (line.startsWith(STRUCTURED_PREFIX) && !passwordAccepted) {
		const hello = parseClientLine(line);
		if (hello.kind !== 'hello') {
			link.face = 'structured';
			const reason = hello.kind === 'bad' ? hello.reason : 'HELLO 1 <name>';
			refuse(context, link, 'bad-command', reason);
			return;
		}

		checkPassword(context, link, 'structured', hello.password, (verdict) => {
			link.face = 'structured';
			if (verdict === 'accepted') structuredLogin(context, link, hello);
			else refuse(context, link, verdict, passwordRefusalReason(verdict));
		});
		return;
	}

	if (line.startsWith(PLAIN_PASS_PREFIX) && !passwordAccepted) {
		// Once accepted, the next line is the name.
		const secret = line.slice(PLAIN_PASS_PREFIX.length);
		checkPassword(context, link, 'plain', secret, (verdict) => {
			if (verdict === 'accepted') return;
			link.face = 'plain';
			refuse(context, link, verdict, '');
		});
		return;
	}

	link.face = 'plain';
	if (context.settings.password !== undefined && !passwordAccepted) {
		refuse(context, link, 'password-required', '');
		return;
	}

	plainLogin(context, link, line);
}
