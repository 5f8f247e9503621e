// What the host says about a connection itself (errors, warnings, farewells), in the client's face:
// a coded line for the structured face, a sentence for the plain face (docs/protocol.md).

import {MAX_LINE_BYTES} from '../../protocol/limits.js';
import {
	PLAIN_LINE_TOO_LONG,
	PLAIN_SLOW_DOWN,
	plainDisconnected,
} from '../../protocol/plain-face.js';
import {encodeCoded} from '../../protocol/structured-messages.js';
import type {Face} from '../relay/user.js';

/** Before the first line the face is unknown; undefined then. */
type MaybeFace = Face | undefined;

/** An error about one line; the connection goes on. */
export function noticeLine(face: MaybeFace, code: string, reason: string): string {
	return face === 'structured' ? encodeCoded('ERROR', code, reason) : reason;
}

/** The last line before the host closes the connection. */
export function farewellLine(face: MaybeFace, code: string, reason: string): string {
	return face === 'structured' ? encodeCoded('BYE', code, reason) : plainDisconnected(reason);
}

export function lineTooLongLine(face: MaybeFace): string {
	return face === 'structured'
		? encodeCoded(
				'ERROR',
				'line-too-long',
				`the line passed ${MAX_LINE_BYTES} bytes and was discarded`,
			)
		: PLAIN_LINE_TOO_LONG;
}

/** The one warning when the rate limit first holds a client back. */
export function slowDownLine(face: MaybeFace): string {
	return face === 'structured'
		? encodeCoded('ERROR', 'flood', 'you are sending too fast: slow down')
		: PLAIN_SLOW_DOWN;
}

/** Before any line the structured form is used: it reads well in `nc` too. */
export function loginTimeoutLine(face: MaybeFace, seconds: number): string {
	const reason = `no login within ${seconds} s`;
	return face === 'plain'
		? plainDisconnected(reason)
		: encodeCoded('REFUSED', 'login-timeout', reason);
}

/** A connection that had not logged in yet made way for a newcomer (docs/protocol.md "Limits"). */
export function madeWayLine(face: MaybeFace): string {
	const reason = 'too many connections are waiting to log in; try again';
	return face === 'plain'
		? plainDisconnected(reason)
		: encodeCoded('REFUSED', 'too-many-connections', reason);
}
