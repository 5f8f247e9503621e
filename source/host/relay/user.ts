// A logged-in user. Outlives its connection on the structured face: while away (connection gone,
// grace period running) `connection` is undefined and messages to the user are held.

import type {Connection} from '../connection/connection.js';
import type {Delivery} from './delivery.js';
import {MAX_REMEMBERED_REFS, MAX_REPLAY_MESSAGES} from '../../protocol/limits.js';
import {RecentMessages} from './recent-messages.js';
import {RefMemory} from './ref-memory.js';

export type Face = 'plain' | 'structured';

export class User {
	readonly name: string;
	/** The comparison key (nameKey): case and look-alikes folded. */
	readonly key: string;
	readonly face: Face;
	connection: Connection | undefined;
	/** Set once the user is gone for good; deliveries still in flight see it. */
	gone = false;

	/** Plain face: the partner's name (looked up when used, as the original relay did). */
	partnerName: string | undefined;

	/** Structured face: the token that reclaims this name. */
	resumeToken = '';
	/** Structured face: the grace timer while away. */
	graceTimer: NodeJS.Timeout | undefined;
	/** Structured face: messages waiting while away, oldest first. */
	held: Delivery[] = [];
	/** Structured face: the last MSG lines handed to the socket, for `last=` replay. */
	readonly replay = new RecentMessages(MAX_REPLAY_MESSAGES);
	/** Structured face: refs already accepted and their result lines (a message delivered to a
	 * structured user is kept as its MSG line, which the replay keeps anyway, and its DELIVERED
	 * is made from it if asked again); empty, and cheap, for a plain user. */
	readonly refs = new RefMemory(MAX_REMEMBERED_REFS);

	constructor(name: string, key: string, face: Face, connection: Connection) {
		this.name = name;
		this.key = key;
		this.face = face;
		this.connection = connection;
	}

	get away(): boolean {
		return this.connection === undefined && !this.gone;
	}
}
