// The host's shared state and the one path every message takes from sender to recipient
// (docs/protocol.md "Host → client"): stamp it, hand it to the recipient's queue or hold it for an
// away user, and tell the sender what became of it exactly once.

import {CtimeClock} from '../protocol/ctime.js';
import {formatPlainRelay, plainHeldFailed} from '../protocol/plain-face.js';
import {
	encodeDelivered,
	encodeFailed,
	encodeHeld,
	encodeMsg,
} from '../protocol/structured-messages.js';
import type {Connection} from './connection.js';
import {DeadlineTimer} from './deadline-timer.js';
import type {Delivery, DeliveryListener} from './delivery.js';
import {flat} from './flat-string.js';
import {FlushScheduler} from './flush-scheduler.js';
import type {HostSettings} from './host-options.js';
import {MessageIds} from './message-ids.js';
import {PreLoginCap} from './pre-login-cap.js';
import {PresenceNews, type NewsReader} from './presence-news.js';
import type {User} from './user.js';
import {UserDirectory} from './user-directory.js';

export class Relay implements DeliveryListener {
	readonly settings: HostSettings;
	readonly directory = new UserDirectory();
	readonly scheduler = new FlushScheduler();
	/** JOIN, LEAVE, AWAY and BACK, kept once for every structured user to read. */
	readonly news = new PresenceNews(() => this.#newsReaders());
	/** Login timeouts and keepalive checks, on one timer. */
	readonly deadlines = new DeadlineTimer();
	readonly connections = new Set<Connection>();
	/** The connections not logged in yet, oldest first (--max-pre-login). */
	readonly preLogin: PreLoginCap;
	readonly #ids = new MessageIds();
	readonly #ctime = new CtimeClock();
	/** True once the host is stopping: nobody is told about anyone leaving any more. */
	closing = false;

	constructor(settings: HostSettings) {
		this.settings = settings;
		this.preLogin = new PreLoginCap(settings.maxPreLogin);
	}

	log(line: string): void {
		this.settings.log(line);
	}

	/** Relays clean `text` from `sender` to `recipient`; `ref` is the structured sender's ref. */
	deliver(sender: User, recipient: User, text: string, ref: string | undefined): void {
		const id = this.#ids.next();
		const time = Date.now();
		let line: string;
		if (recipient.face === 'plain') {
			line = formatPlainRelay(this.#ctime.now(time), sender.name, text);
			// The following rule: a reply goes back to the latest sender.
			recipient.partnerName = sender.name;
		} else {
			line = encodeMsg(id, time, sender.name, recipient.name, ref, text);
		}

		// Kept in the recipient's replay ring: flat, it no longer holds the sender's whole line.
		const delivery: Delivery = {id, time, sender, ref, recipient, line: flat(line)};
		const connection = recipient.connection;
		if (connection !== undefined) {
			connection.queue.pushDelivery(delivery);
		} else if (recipient.held.length < this.settings.maxHeldMessages) {
			recipient.held.push(delivery);
			if (ref !== undefined) this.#answer(sender, ref, encodeHeld(ref, id, time));
		} else {
			const reason = `${recipient.name} is away and already has ${recipient.held.length} messages waiting`;
			this.dropped(delivery, 'held-full', reason);
		}
	}

	handedOver(delivery: Delivery): void {
		const {recipient, ref, line} = delivery;
		const structured = recipient.face === 'structured';
		if (structured) recipient.replay.push(line);
		if (ref === undefined) return;
		const delivered = encodeDelivered(ref, delivery.id, delivery.time);
		// The ref keeps the MSG line the replay keeps anyway (its DELIVERED is made from it again
		// for a resent SEND); a plain recipient's line is no MSG, so then the DELIVERED is kept.
		delivery.sender.refs.settle(ref, structured ? line : flat(delivered));
		delivery.sender.connection?.queue.push(delivered);
	}

	dropped(delivery: Delivery, code: string, reason: string): void {
		this.failDeliveries([delivery], code, reason);
	}

	/** Tells the sender of each dropped message: FAILED per ref, or one line per plain sender. */
	failDeliveries(deliveries: readonly Delivery[], code: string, reason: string): void {
		let plainCounts: Map<User, Map<string, number>> | undefined;
		for (const delivery of deliveries) {
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
				sender.connection?.queue.push(plainHeldFailed(name, count));
			}
		}
	}

	*#newsReaders(): Iterable<NewsReader> {
		for (const user of this.directory.structured()) {
			if (user.connection !== undefined) yield user.connection.queue;
		}
	}

	/** Sends a structured sender the result of `ref` (HELD, FAILED), and remembers it for a resent SEND. */
	#answer(sender: User, ref: string, line: string): void {
		// Kept with the ref (MAX_REMEMBERED_REFS of them at least): flat, it is one small string.
		sender.refs.settle(ref, flat(line));
		sender.connection?.queue.push(line);
	}
}
