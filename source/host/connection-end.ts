// What a connection's end means (docs/protocol.md "Resume", "Limits"): for its user (away, or gone),
// for the messages still queued for it (failed, or moved to the connection that replaced it), and
// for its socket (given a deadline to close).

import type {Socket} from 'node:net';
import {CLOSE_DEADLINE_MS} from '../protocol/limits.js';
import type {Delivery} from './delivery.js';
import {userAway, userLeft} from './presence.js';
import type {Relay} from './relay.js';
import type {User} from './user.js';

/** Why a connection ends. */
export type CloseReason =
	| 'quit'
	| 'refused'
	/** Not logged in yet, it made way for a newcomer: its socket is destroyed after its last line. */
	| 'evicted'
	| 'dropped'
	/** The peer half-closed: what it sent is answered, then the socket is ended. */
	| 'ended'
	| 'ping-timeout'
	| 'flood'
	| 'slow-consumer'
	| 'replaced'
	| 'shutdown';

/** Network trouble, not a decision to leave: a structured user may still resume. */
const AWAY_REASONS = new Set<CloseReason>(['dropped', 'ended', 'ping-timeout']);

export function releaseUser(relay: Relay, user: User, reason: CloseReason): void {
	if (user.face === 'structured' && AWAY_REASONS.has(reason)) userAway(relay, user, reason);
	else userLeft(relay, user, reason);
}

/** Messages that never reached the socket: FAILED to their senders, or moved on a replace. */
export function settleUndelivered(
	relay: Relay,
	undelivered: Delivery[],
	reason: CloseReason,
	user: User | undefined,
): void {
	if (undelivered.length === 0) return;
	if (reason === 'replaced' && user !== undefined) {
		// Never cut, only moved: the new connection gets them after the roster.
		user.held.unshift(...undelivered);
		return;
	}

	const name = user?.name ?? 'the user';
	if (reason === 'slow-consumer') {
		const why = `${name} was not reading messages and was disconnected`;
		relay.failDeliveries(undelivered, 'slow-consumer', why);
	} else {
		relay.failDeliveries(undelivered, 'user-left', `${name} left before the message was handed on`);
	}
}

/** After `end()`: reads (and drops) what still comes so the peer's FIN is seen; a peer that
 * never closes its side, or never reads, is cut off after CLOSE_DEADLINE_MS. */
export function destroyAfterDeadline(socket: Socket): void {
	socket.resume();
	const timer = setTimeout(destroySocket, CLOSE_DEADLINE_MS, socket);
	socket.once('close', () => {
		clearTimeout(timer);
	});
}

function destroySocket(socket: Socket): void {
	socket.destroy();
}
