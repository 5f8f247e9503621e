// A logged-in user, the connection it is online on as the relay sees it (UserLink), and a message
// on its way from one user to another (Delivery). The three refer to one another, so they share a
// module. A structured user outlives its connection: while away (connection gone, grace period
// running) `link` is undefined and messages to the user are held.

import {MAX_REMEMBERED_REFS, MAX_REPLAY_MESSAGES} from '../../protocol/limits.js';
import {RecentMessages} from './recent-messages.js';
import {RefMemory} from './ref-memory.js';

export type Face = 'plain' | 'structured';

export class User {
	readonly name: string;
	/** The comparison key (nameKey): case and look-alikes folded. */
	readonly key: string;
	readonly face: Face;
	/** The connection the user is online on; undefined while away. Set by the UserState only. */
	link: UserLink | undefined = undefined;
	/** Set once the user is gone for good; deliveries still in flight see it. */
	gone = false;

	/** Structured face: the Ed25519 public key the user proved (docs/protocol.md "Identity"). */
	publicKey: Buffer | undefined;
	/** Its fingerprint (protocol/key-fingerprint.ts), told to other structured users. */
	fingerprint: string | undefined;

	/** Plain face: the partner's name (looked up when used, as the original relay did). */
	partnerName: string | undefined;

	/** Structured face: the token that reclaims this name. */
	resumeToken = '';
	/** Structured face: the grace timer while away. */
	graceTimer: NodeJS.Timeout | undefined;
	/** Structured face: the last MSG lines handed to the socket, for `last=` replay. */
	readonly replay = new RecentMessages(MAX_REPLAY_MESSAGES);
	/** Structured face: refs already accepted and their result lines (a message delivered to a
	 * structured user is kept as its MSG line, which the replay keeps anyway, and its DELIVERED
	 * is made from it if asked again); empty, and cheap, for a plain user. */
	readonly refs = new RefMemory(MAX_REMEMBERED_REFS);

	constructor(name: string, key: string, face: Face) {
		this.name = name;
		this.key = key;
		this.face = face;
	}
}

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

/** The connection a user is online on: what it can do, not what it is (connection/connection.ts
 * implements it), so nothing on the relay's side knows sockets. */
export type UserLink = {
	/** Queues a line for the client (it leaves with the tick's write). */
	send(line: string): void;
	/** Queues a relayed message; the DeliveryListener hears when it reaches the socket. */
	sendDelivery(delivery: Delivery): void;
	/** Ends the connection once; `lastLine` goes first if the socket still takes data. */
	close(reason: CloseReason, lastLine?: string): void;
	/** True for a user on another host of a cluster: that host makes a plain user's line of a
	 * relayed message from its text, so the relay hands this link the text (Delivery.plainText). */
	readonly makesPlainLines?: boolean;
	/** Queues the presence news this client has not read yet, ahead of what follows. */
	catchUpNews(): void;
	/** Skips the news published since the last catch-up (news about this client's own user). */
	skipNews(): void;
	/**
	 * Handles no further line of this client until `settled` settles, so a line whose answer waits
	 * on another host or Redis (`to:NAME` for an owner who is offline) keeps its place before the
	 * lines sent after it.
	 */
	holdLinesUntil(settled: Promise<unknown>): void;
};

/** One relayed message on its way to a recipient, kept until it is handed to the recipient's socket
 * (then the sender gets DELIVERED) or dropped (then the sender gets FAILED). */
export type Delivery = {
	/** Decimal (message-ids.ts); compare ids as numbers. */
	readonly id: string;
	readonly time: number;
	readonly sender: User;
	/** The sender's ref; undefined for a plain sender, who has none. */
	readonly ref: string | undefined;
	readonly recipient: User;
	/** The line the recipient gets, without its newline; with `plainText`, only its text. */
	readonly line: string;
	/** Set when `line` is the text of a message for a plain user on another host of a cluster,
	 * which makes the line (`[ctime] from: text`) from it and the message's time. */
	readonly plainText?: boolean;
	/** Set when the message was stamped on another host of a cluster: its sender hears there. */
	readonly origin?: DeliveryOrigin;
	/** A copy waits in the store (`held` for an away user, `stored` for an offline owner) until
	 * this is handed to the socket; absent or undefined on a host without one. */
	kept?: KeptAs | undefined;
};

/** Where the result of a delivery stamped on another host goes (a cluster's host/cluster/). */
export type DeliveryOrigin = {
	handedOver(delivery: Delivery): void;
	held(delivery: Delivery): void;
	/** Kept for its recipient, an owner who left for good (STORED). */
	stored(delivery: Delivery): void;
	dropped(delivery: Delivery, code: string, reason: string): void;
};

type KeptAs = 'held' | 'stored';

/** Told what became of each delivery; one object for the whole host. */
export type DeliveryListener = {
	handedOver(delivery: Delivery): void;
	dropped(delivery: Delivery, code: string, reason: string): void;
};
