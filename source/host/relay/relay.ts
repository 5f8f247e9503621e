// The one path every message takes from sender to recipient (docs/protocol.md "Host → client"):
// stamp it, hand it to the recipient's connection or hold it for an away user, and tell the
// sender what became of it exactly once.

import {CtimeClock} from '../../protocol/ctime.js';
import type {MessageOptions} from '../../protocol/message-options.js';
import {
	formatPlainAction,
	formatPlainRelay,
	plainHeldFailed,
	plainUnreachable,
} from '../../protocol/plain-face.js';
import {
	encodeDelivered,
	encodeFailed,
	encodeHeld,
	encodeMsg,
} from '../../protocol/structured-messages.js';
import type {CloseReason, Delivery, DeliveryListener, User} from './user.js';
import {whenReady} from './eventually.js';
import {flat} from './flat-string.js';
import {MessageIds} from './message-ids.js';
import type {HoldOutcome, UserState} from './user-state.js';

export class Relay implements DeliveryListener {
	readonly #users: UserState;
	readonly #ids = new MessageIds();
	readonly #ctime = new CtimeClock();

	constructor(users: UserState) {
		this.#users = users;
	}

	/**
	 * Relays clean `text` from `sender` to `recipient`; `ref` is the structured sender's ref, and
	 * `options` what its SEND said (a part of a longer message, an action). A plain recipient gets
	 * each part as its own stamped line, as the original relay stamped every line.
	 */
	deliver(
		sender: User,
		recipient: User,
		text: string,
		ref: string | undefined,
		options?: MessageOptions,
	): void {
		const id = this.#ids.next();
		const time = Date.now();
		let line: string;
		if (recipient.face === 'plain') {
			const ctime = this.#ctime.now(time);
			line =
				options?.action === true
					? formatPlainAction(ctime, sender.name, text)
					: formatPlainRelay(ctime, sender.name, text);
			// The following rule: a reply goes back to the latest sender.
			recipient.partnerName = sender.name;
		} else {
			line = encodeMsg(id, time, sender.name, recipient.name, ref, text, options);
		}

		// Kept in the recipient's replay ring: flat, it no longer holds the sender's whole line.
		const delivery: Delivery = {id, time, sender, ref, recipient, line: flat(line)};
		this.handOn(delivery);
	}

	/** Hands a stamped message to its recipient's connection, or holds it while they are away. */
	handOn(delivery: Delivery): void {
		const link = delivery.recipient.link;
		if (link !== undefined) {
			link.sendDelivery(delivery);
			return;
		}

		whenReady(this.#users.hold(delivery), (outcome) => {
			this.#afterHold(delivery, outcome);
		});
	}

	handedOver(delivery: Delivery): void {
		const {recipient, line} = delivery;
		if (recipient.face === 'structured') recipient.replay.push(line);
		if (delivery.origin === undefined) this.senderDelivered(delivery);
		else delivery.origin.handedOver(delivery);
	}

	/** Tells the sender (on this host) that the message reached the recipient's socket. */
	senderDelivered(delivery: Delivery): void {
		const {recipient, ref, line} = delivery;
		if (ref === undefined) return;
		const structured = recipient.face === 'structured';
		const delivered = encodeDelivered(ref, delivery.id, delivery.time);
		// The ref keeps the MSG line the replay keeps anyway (its DELIVERED is made from it again
		// for a resent SEND); a plain recipient's line is no MSG, so then the DELIVERED is kept.
		delivery.sender.refs.settle(ref, structured ? line : flat(delivered));
		delivery.sender.link?.send(delivered);
	}

	dropped(delivery: Delivery, code: string, reason: string): void {
		this.failDeliveries([delivery], code, reason);
	}

	/** Tells the sender of each dropped message: FAILED per ref, or one line per plain sender. */
	failDeliveries(deliveries: readonly Delivery[], code: string, reason: string): void {
		let plainCounts: Map<User, Map<string, number>> | undefined;
		for (const delivery of deliveries) {
			if (delivery.origin !== undefined) {
				delivery.origin.dropped(delivery, code, reason);
				continue;
			}

			const {sender, ref} = delivery;
			if (ref !== undefined) {
				this.#answer(sender, ref, encodeFailed(ref, code, reason));
				continue;
			}

			plainCounts ??= new Map();
			const byRecipient = plainCounts.get(sender) ?? new Map<string, number>();
			const name = delivery.recipient.name;
			byRecipient.set(name, (byRecipient.get(name) ?? 0) + 1);
			plainCounts.set(sender, byRecipient);
		}

		if (plainCounts === undefined) return;
		for (const [sender, byRecipient] of plainCounts) {
			for (const [name, count] of byRecipient) {
				const line =
					code === 'unreachable' ? plainUnreachable(name, count) : plainHeldFailed(name, count);
				sender.link?.send(line);
			}
		}
	}

	/** Messages a closed connection never wrote (docs/protocol.md "Resume", "Limits"): moved
	 * ahead of the held ones when its user resumed elsewhere, else FAILED to their senders. */
	settleUndelivered(undelivered: Delivery[], reason: CloseReason, user: User | undefined): void {
		if (undelivered.length === 0) return;
		if (reason === 'replaced' && user !== undefined) {
			// Never cut, only moved: the new connection gets them after the roster.
			this.#users.holdFirst(user, undelivered);
			return;
		}

		const name = user?.name ?? 'the user';
		if (reason === 'slow-consumer') {
			const why = `${name} was not reading messages and was disconnected`;
			this.failDeliveries(undelivered, 'slow-consumer', why);
		} else {
			this.failDeliveries(
				undelivered,
				'user-left',
				`${name} left before the message was handed on`,
			);
		}
	}

	#afterHold(delivery: Delivery, outcome: HoldOutcome): void {
		if (outcome.kind === 'held') {
			if (delivery.origin === undefined) this.senderHeld(delivery);
			else delivery.origin.held(delivery);
			return;
		}

		if (outcome.kind === 'unavailable') {
			this.dropped(delivery, outcome.code, outcome.reason);
			return;
		}

		const {recipient} = delivery;
		const reason = `${recipient.name} is away and already has ${outcome.waiting} messages waiting`;
		this.dropped(delivery, 'held-full', reason);
	}

	/** Tells the sender (on this host) that the message is held for its away recipient. */
	senderHeld(delivery: Delivery): void {
		const {sender, ref} = delivery;
		if (ref !== undefined) this.#answer(sender, ref, encodeHeld(ref, delivery.id, delivery.time));
	}

	/** Sends a structured sender the result of `ref` (HELD, FAILED), and remembers it for a resent SEND. */
	#answer(sender: User, ref: string, line: string): void {
		// Kept with the ref (MAX_REMEMBERED_REFS of them at least): flat, it is one small string.
		sender.refs.settle(ref, flat(line));
		sender.link?.send(line);
	}
}
