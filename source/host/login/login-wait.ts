// While the login waits for an answer (a password check that waits after failures, or a name claim
// a store answers later), the client's lines are kept and then handed back in order
// (docs/protocol.md "Password", "Lines sent ahead").

import {MAX_LINES_AHEAD_OF_PASSWORD} from '../../protocol/limits.js';
import type {Face} from '../relay/user.js';
import type {LoginLink} from './login-link.js';

/** The login waits for an answer; lines that come meanwhile are kept (`holdWhileWaiting`). */
export function startWaiting(link: LoginLink, face: Face): void {
	link.login.waiting = {face, lines: []};
}

/** The answer came: the lines kept meanwhile, in order, for the caller to hand back. */
export function stopWaiting(link: LoginLink): string[] {
	const lines = link.login.waiting?.lines ?? [];
	link.login.waiting = undefined;
	return lines;
}

/** Handles the kept lines as if they had just come, unless the connection ended meanwhile. */
export function handBack(link: LoginLink, lines: readonly string[]): void {
	for (const line of lines) if (!link.closed) link.handleLine(line);
}

/**
 * Keeps `line` if the login is waiting, and says whether it did. A client that sends more than
 * MAX_LINES_AHEAD_OF_PASSWORD lines meanwhile is not waiting: it is cut off.
 */
export function holdWhileWaiting(
	link: LoginLink,
	line: string,
	log: (line: string) => void,
): boolean {
	const waiting = link.login.waiting;
	if (waiting === undefined) return false;
	if (waiting.lines.length >= MAX_LINES_AHEAD_OF_PASSWORD) {
		link.login.waiting = undefined;
		// The face is known from the first line; the farewell is in its form.
		link.face = waiting.face;
		const reason = `more than ${MAX_LINES_AHEAD_OF_PASSWORD} lines before the password was checked`;
		log(`refused ${link.address}: flood before the password check`);
		link.close('flood', link.farewell('flood', reason));
		return true;
	}

	waiting.lines.push(line);
	return true;
}
