// The name step of the login (docs/protocol.md "Names", "Resume", "Identity"): a valid name that
// nobody holds or owns is claimed, a structured user's own name is resumed with its token, and a
// login with a key goes through its proof (key-login.ts).

import {PROTOCOL_VERSION} from '../../protocol/limits.js';
import {checkName, nameKey} from '../../protocol/name-rules.js';
import type {Hello} from '../../protocol/structured-messages.js';
import {User} from '../relay/user.js';
import {claim} from './claim-name.js';
import {keyedLogin} from './key-login.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {withOwnerOf} from './owner-lookup.js';
import {refuse, takenReason} from './refusal.js';
import {canResume, resume} from './resume.js';

export function plainLogin(context: LoginContext, link: LoginLink, line: string): void {
	const check = checkName(line);
	if (!check.ok) {
		refuse(context, link, 'name-invalid', check.reason);
		return;
	}

	if (context.users.find(check.name) !== undefined) {
		refuse(context, link, 'name-taken', '');
		return;
	}

	const key = nameKey(check.name);
	withOwnerOf(context, link, 'plain', key, (owner) => {
		// A plain user cannot prove a key: an owned name is taken to them (`Reuse`).
		if (owner === undefined) claim(context, link, new User(check.name, key, 'plain'));
		else refuse(context, link, 'name-owned', '');
	});
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

	if (hello.key !== undefined) {
		keyedLogin(context, link, hello, check.name);
		return;
	}

	if (existing !== undefined) {
		refuse(context, link, 'name-taken', takenReason(context, check.name));
		return;
	}

	const key = nameKey(check.name);
	withOwnerOf(context, link, 'structured', key, (owner) => {
		if (owner !== undefined) {
			const reason = `the name ${check.name} belongs to a key: log in with it (HELLO 1 ${check.name} key=KEY)`;
			refuse(context, link, 'name-owned', reason);
		} else if (context.users.find(check.name) === undefined) {
			claim(context, link, new User(check.name, key, 'structured'));
		} else {
			refuse(context, link, 'name-taken', takenReason(context, check.name));
		}
	});
}
