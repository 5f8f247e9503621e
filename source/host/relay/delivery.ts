// One relayed message on its way to a recipient, kept until it is handed to the recipient's socket
// (then the sender gets DELIVERED) or dropped (then the sender gets FAILED).

import type {User} from './user.js';

export type Delivery = {
	/** Decimal (message-ids.ts); compare ids as numbers. */
	readonly id: string;
	readonly time: number;
	readonly sender: User;
	/** The sender's ref; undefined for a plain sender, who has none. */
	readonly ref: string | undefined;
	readonly recipient: User;
	/** The line the recipient gets, without its newline. */
	readonly line: string;
};

/** Told what became of each delivery; one object for the whole host. */
export type DeliveryListener = {
	handedOver(delivery: Delivery): void;
	dropped(delivery: Delivery, code: string, reason: string): void;
};
