// Asks the name owners (relay/name-owners.ts) and goes on with the answer: in this tick in
// memory; once a store answers otherwise, with the client's lines kept meanwhile. A store that
// fails refuses the login with a sentence, never leaving it waiting.

import type {Eventually} from '../relay/eventually.js';
import type {NameOwner} from '../relay/name-owners.js';
import type {Face} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {handBack, startWaiting, stopWaiting} from './login-wait.js';
import {refuse} from './refusal.js';

/** Goes on with `answer` once it is there, unless the connection ended meanwhile. */
export function withOwnersAnswer<T>(
	context: LoginContext,
	link: LoginLink,
	face: Face,
	answer: Eventually<T>,
	next: (value: T) => void,
): void {
	if (!(answer instanceof Promise)) {
		next(answer);
		return;
	}

	startWaiting(link, face);
	answer.then(
		(value) => {
			const lines = stopWaiting(link);
			if (link.closed) return;
			next(value);
			handBack(link, lines);
		},
		(error: unknown) => {
			stopWaiting(link);
			context.log(`name owners failed: ${String(error)}`);
			if (link.closed) return;
			link.face = face;
			refuse(context, link, 'unavailable', 'the host cannot check who owns names now; try again');
		},
	);
}

export function withOwnerOf(
	context: LoginContext,
	link: LoginLink,
	face: Face,
	nameKey: string,
	next: (owner: NameOwner | undefined) => void,
): void {
	withOwnersAnswer(context, link, face, context.identity.owners.ownerOf(nameKey), next);
}
