// Resume (docs/protocol.md "Resume"): a structured client that returns with its token gets its
// name back, what the drop may have lost (`last=`), then what was held, in id order.

import {randomBytes, timingSafeEqual} from 'node:crypto';
import {RESUME_TOKEN_BYTES} from '../../protocol/limits.js';
import {encodeCoded} from '../../protocol/structured-messages.js';
import type {Connection} from '../connection/connection.js';
import {sendWelcome} from './first-line.js';
import {announce} from '../relay/presence.js';
import type {User} from '../relay/user.js';

export function newResumeToken(): string {
	return randomBytes(RESUME_TOKEN_BYTES).toString('base64url');
}

/** True when `token` reclaims `user` (compared in constant time). */
export function canResume(user: User, token: string | undefined): boolean {
	if (token === undefined || user.face !== 'structured' || user.gone) return false;
	const expected = Buffer.from(user.resumeToken);
	const given = Buffer.from(token);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

export function resume(connection: Connection, user: User, last: string | undefined): void {
	const {relay} = connection;
	const old = user.connection;
	const wasAway = old === undefined;
	if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
	user.graceTimer = undefined;
	user.connection = connection;
	connection.loggedIn(user, 'structured');
	// The old connection's unsent messages move to `held`, ahead of anything newer.
	old?.close(
		'replaced',
		encodeCoded('BYE', 'replaced', 'you logged in again on another connection'),
	);
	user.resumeToken = newResumeToken();
	relay.log(`resume ${user.name} from ${connection.address}${wasAway ? '' : ' (replaced)'}`);
	sendWelcome(connection, user);

	if (last !== undefined) {
		for (const line of user.replay.after(Number(last))) connection.queue.push(line);
	}

	const held = user.held;
	user.held = [];
	for (const delivery of held) connection.queue.pushDelivery(delivery);
	if (wasAway) announce(relay, 'BACK', user);
}
