// The one path every message takes from sender to recipient (docs/protocol.md "Host → client"):
// stamp it, hand it to the recipient's connection or hold it for an away user, and tell the
// sender what became of it exactly once.

import {CtimeClock} from '../../protocol/ctime.js';
import {nameKey} from '../../protocol/name-key.js';
import type {MessageOptions} from '../../protocol/message-options.js';
import {formatPlainAction, formatPlainRelay} from '../../protocol/plain-face.js';
import {encodeDelivered, encodeHeld, encodeMsg} from '../../protocol/structured-messages.js';
import type {CloseReason, Delivery, DeliveryListener, User} from './user.js';
import {whenReady} from './eventually.js';
import {flat} from './flat-string.js';
import {MessageIds} from './message-ids.js';
import {NO_OFFLINE_MAIL, type OfflineMail} from './offline-mail.js';
import {
	answerSender,
	failToSenders,
	keepOutcomeToSender,
	storedToSender,
} from './sender-results.js';
import type {HoldOutcome, UserState} from './user-state.js';

export type RelayOptions = {
	/** Where messages for an offline owner are kept; none by default. */
	mail?: OfflineMail;
	/** The ids to give; a restarted host starts above the store's highest (store/next-id-start.ts). */
	ids?: MessageIds;
	/** The host's clock, for a message's time. */
	now?: () => number;
};

export class Relay implements DeliveryListener {
	readonly #users: UserState;
	readonly #mail: OfflineMail;
	readonly #ids: MessageIds;
	readonly #now: () => number;
	readonly #ctime = new CtimeClock();

	constructor(users: UserState, options: RelayOptions = {}) {
		this.#users = users;
		this.#mail = options.mail ?? NO_OFFLINE_MAIL;
		this.#ids = options.ids ?? new MessageIds();
		this.#now = options.now ?? Date.now;
	}

	/**
	 * Calls `next` with the owner's name if `name` is owned and so can be sent mail while offline,
	 * else undefined: in this tick when the answer is here, else later, and then returns the
	 * promise of that call (a cluster asks Redis).
	 */
	ownerOf(name: string, next: (owner: string | undefined) => void): Promise<void> | undefined {
		const owner = this.#mail.ownerName(name);
		if (owner instanceof Promise) return owner.then(next);
		next(owner);
		return undefined;
	}

	/** Keeps clean `text` for `recipient`, an owner who is offline, with its SEND's `options`;
	 * STORED (or why not) follows once it is durable. */
	keepForOffline(
		sender: User,
		recipient: string,
		text: string,
		ref: string | undefined,
		options?: MessageOptions,
	): void {
		const message = {
			id: this.#ids.next(),
			time: this.#now(),
			sender,
			ref,
			recipient,
			recipientKey: nameKey(recipient),
			text,
			options,
		};
		void this.#mail.keep(message).then((outcome) => {
			keepOutcomeToSender(sender, recipient, ref, outcome);
		});
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
		const time = this.#now();
		const plain = recipient.face === 'plain';
		if (plain && options?.action !== true && recipient.link?.makesPlainLines === true) {
			// Made into its line by the recipient's host, which applies the following rule too.
			this.handOn({id, time, sender, ref, recipient, line: text, plainText: true});
			return;
		}

		let line: string;
		if (plain) {
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
		const delivery: Delivery = {
			id,
			time,
			sender,
			ref,
			recipient,
			line: flat(line),
			kept: undefined,
		};
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
		if (delivery.kept !== undefined) this.#mail.handedOver(delivery);
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
		failToSenders(deliveries, code, reason);
	}

	/** What was still held for a user who is gone for good: kept for the name's owner (STORED to
	 * their senders), else FAILED with user-left and `reason`. */
	settleLeft(
		user: User,
		held: readonly Delivery[],
		reason = `${user.name} left before the message could be delivered`,
	): void {
		if (held.length === 0) return;
		whenReady(this.#mail.keepForOwner(user, held), (kept) => {
			if (kept) {
				for (const each of held) {
					// Stamped on another host of a cluster: its sender hears there.
					if (each.origin === undefined) this.senderStored(each);
					else each.origin.stored(each);
				}

				return;
			}

			this.failDeliveries(held, 'user-left', reason);
		});
	}

	/** Messages a closed connection never wrote (docs/protocol.md "Resume", "Limits"): moved
	 * ahead of the held ones when its user resumed elsewhere, else FAILED to their senders. A
	 * message the store keeps waits on: held again for an away user, or as for a user who left. */
	settleUndelivered(undelivered: Delivery[], reason: CloseReason, user: User | undefined): void {
		if (undelivered.length === 0) return;
		if (reason === 'replaced' && user !== undefined) {
			// Never cut, only moved: the new connection gets them after the roster.
			this.#users.holdFirst(user, undelivered);
			return;
		}

		if (user !== undefined && undelivered.some((each) => each.kept !== undefined)) {
			const kept = undelivered.filter((each) => each.kept !== undefined);
			undelivered = undelivered.filter((each) => each.kept === undefined);
			if (user.gone) this.settleLeft(user, kept);
			else this.#users.holdFirst(user, kept);
			if (undelivered.length === 0) return;
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

		if (outcome.kind === 'unkept' || outcome.kind === 'unavailable') {
			this.dropped(delivery, outcome.code, outcome.reason);
			return;
		}

		const reason = `${delivery.recipient.name} is away and already has ${outcome.waiting} messages waiting`;
		this.dropped(delivery, 'held-full', reason);
	}

	/** Tells the sender (on this host) that the message is held for its away recipient. */
	senderHeld(delivery: Delivery): void {
		const {sender, ref} = delivery;
		if (ref !== undefined) answerSender(sender, ref, encodeHeld(ref, delivery.id, delivery.time));
	}

	/** Tells the sender (on this host) that the message is kept for its recipient, an owner. */
	senderStored(delivery: Delivery): void {
		storedToSender(delivery.sender, delivery.recipient.name, delivery.ref, delivery);
	}
}
