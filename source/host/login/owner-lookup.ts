// Asks the name owners (relay/name-owners.ts) who owns a name, and goes on with the answer: in
// this tick in memory; once a store answers otherwise, with the client's lines kept meanwhile.

import type {NameOwner} from '../relay/name-owners.js';
import type {Face} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';

export function withOwnerOf(
	context: LoginContext,
	link: LoginLink,
	face: Face,
	nameKey: string,
	next: (owner: NameOwner | undefined) => void,
): void {
	const owner = context.identity.owners.ownerOf(nameKey);
	if (!(owner instanceof Promise)) {
		next(owner);
		return;
	}

	startWaiting(link, face);
	void owner.then(
		(value) => {
			const lines = stopWaiting(link);
			if (link.closed) return;
			next(value);
			handBack(link, lines);
		},
		(error: unknown) => {
			stopWaiting(link);
			context.log(`name owners failed: ${String(error)}`);
			if (!link.closed)
				link.close(
					'refused',
					link.farewell('name-taken', 'the host cannot check who owns names now; try again'),
				);
		},
	);
}
