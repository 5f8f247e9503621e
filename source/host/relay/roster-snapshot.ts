// One roster snapshot: what a structured user gets instead of presence news it fell too far behind
// on (docs/protocol.md "Host → client", roster snapshots). The `USERS` lines of the login roster,
// with a `KEY` line for each user with a key, then an `AWAY` line for each user who is away, so
// the picture is exact.

import {encodeKey, encodePresence, encodeRoster} from '../../protocol/structured-messages.js';
import type {User} from './user.js';

export function rosterSnapshot(users: Iterable<User>): string[] {
	const names: string[] = [];
	const keys: string[] = [];
	const away: string[] = [];
	for (const user of users) {
		names.push(user.name);
		if (user.fingerprint !== undefined) keys.push(encodeKey(user.name, user.fingerprint));
		if (user.link === undefined && !user.gone) away.push(encodePresence('AWAY', user.name));
	}

	return [...encodeRoster(names, keys), ...away];
}
