// Messages between the hosts of a cluster (docs/cluster.md "Routing"): a message for a user on
// another host goes to that host's channel, batched per host per tick (frame-outbox.ts); the host
// that stamped it keeps it until the recipient's host answers (handed over, held, failed), so its
// sender hears exactly once, and fails it when that host goes away, does not answer, or Redis does.
// While a host is a window behind with its answers, the senders of messages to it are paused.

import type {Relay} from '../relay/relay.js';
import {CtimeClock} from '../../protocol/ctime.js';
import {formatPlainRelay} from '../../protocol/plain-face.js';
import {detached, flat} from '../relay/flat-string.js';
import type {ReadTurns} from '../relay/read-turns.js';
import {User, type Delivery} from '../relay/user.js';
import {ANSWER_SWEEPS_PER_TIMEOUT, REMOTE_ANSWER_TIMEOUT_MS} from './cluster-limits.js';
import {FrameOutbox} from './frame-outbox.js';
import {
	decodeHostFrames,
	encodeHostFrame,
	type AnswerFrame,
	type HostFrame,
	type MessageFrame,
} from './host-frames.js';
import {HostOrigin, originHost, type AnswerSink, type RoutedDelivery} from './host-origin.js';
import {PendingAnswers, type Forwarded, type Pending} from './pending-answers.js';
import type {RedisLink} from './redis-link.js';
import {SenderPauses} from './sender-pauses.js';

/** What the routing needs to know of the users this host knows. */
export type RoutingUsers = {
	/** A user known here by name key: online here, or a view of one on another host. */
	byKey(key: string): User | undefined;
	/** True when the user is online (or away) on this host. */
	isLocal(user: User): boolean;
};

export class ClusterRouting {
	readonly #self: string;
	readonly #link: RedisLink;
	readonly #users: RoutingUsers;
	#relay: Relay | undefined;
	/** Messages this host stamped, by id, until their final answer. */
	readonly #pending: PendingAnswers;
	readonly #outbox: FrameOutbox;
	readonly #pauses = new SenderPauses();
	readonly #origins = new Map<string, HostOrigin>();
	/** Hosts with fewer messages waiting on them since their outbox queues were last pumped. */
	readonly #eased = new Set<string>();
	readonly #sweep: NodeJS.Timeout;
	/** The ctime of the plain users' lines made here (the message's time, this host's zone). */
	readonly #ctime = new CtimeClock();
	/** Where a sealed payload makes the host read on only once the event loop turns. */
	readonly #readTurns: ReadTurns;

	constructor(self: string, link: RedisLink, users: RoutingUsers, readTurns: ReadTurns) {
		this.#self = self;
		this.#link = link;
		this.#users = users;
		this.#readTurns = readTurns;
		const outbox = new FrameOutbox(link.publisher, {
			waitingOn: (host) => this.#pending.waitingOn(host),
			lost: (forwarded, why) => {
				this.#failAll(forwarded, why);
			},
		});
		this.#outbox = outbox;
		this.#pending = new PendingAnswers((host) => {
			// A payload's answers ease a host hundreds of times: its queues are pumped once, after.
			if (this.#eased.size === 0) queueMicrotask(this.#ease);
			this.#eased.add(host);
		});
		this.#sweep = setInterval(
			this.#failSilent,
			REMOTE_ANSWER_TIMEOUT_MS / ANSWER_SWEEPS_PER_TIMEOUT,
		);
		this.#sweep.unref();
	}

	bind(relay: Relay): void {
		this.#relay = relay;
	}

	/** A message was stored for `user`, of this host, after its login's take (the offline mail). */
	storedLate: ((user: User) => void) | undefined;

	/** How many messages this host stamped still wait for an answer (tests). */
	get pending(): number {
		return this.#pending.size;
	}

	/** The origin of a message that `host` stamped: its results are answered there. */
	origin(host: string): HostOrigin {
		let origin = this.#origins.get(host);
		if (origin === undefined) {
			origin = new HostOrigin(host, this.#answers);
			this.#origins.set(host, origin);
		}

		return origin;
	}

	/** Hands `delivery` to the host its recipient is on. */
	forward(host: string, delivery: Delivery): void {
		if (!this.#link.up) {
			const reason = `${delivery.recipient.name} is on another host, and this host cannot reach the cluster's Redis`;
			this.#relay?.dropped(delivery, 'unreachable', reason);
			return;
		}

		const origin = originHost(delivery, this.#self);
		let forwarded: Forwarded;
		if (delivery.origin === undefined) {
			forwarded = this.#pending.send(delivery, host);
		} else if (origin === this.#self) {
			// Stamped here and held in Redis a while: it waits on `host` now.
			forwarded = this.#pending.sendHeld(delivery.id, host) ?? {delivery, seq: undefined};
		} else {
			// Stamped elsewhere, handed on after a resume: its origin's number, if it had one.
			forwarded = {delivery, seq: (delivery as Partial<RoutedDelivery>).seq};
		}

		// A payload was sealed: node-redis writes its PUBLISH when the event loop turns, so the host
		// reads on after that, not first through all its senders sent meanwhile while the other
		// host waits for it (read-turns.ts).
		if (this.#outbox.pushMessage(host, forwarded, origin)) this.#readTurns.endTurn();
		if (delivery.origin === undefined)
			this.#pauses.sent(delivery.sender, host, this.#pending.waitingOn(host));
	}

	/** Sends a frame that needs no answer; lost if Redis is away. */
	sendFrame(host: string, frame: HostFrame): void {
		if (this.#link.up) this.#outbox.push(host, encodeHostFrame(frame));
	}

	/** Tells `host` what became of a message it stamped (this host: at once). */
	readonly #answers: AnswerSink = {
		answer: (host, answer) => {
			if (host === this.#self) this.#answered(answer);
			else if (this.#link.up) this.#outbox.pushAnswer(host, encodeHostFrame(answer));
		},
		delivered: (host, seq) => {
			if (host === this.#self) this.#delivered(seq);
			else if (this.#link.up) this.#outbox.pushDelivered(host, seq);
		},
	};

	/** A message this host stamped now waits in Redis for its away recipient. */
	heldHere(delivery: Delivery): void {
		// One stamped here and taken from Redis waits by its id already.
		if (delivery.origin === undefined) this.#pending.hold(delivery);
	}

	/** It could not be held after all: no answer will come for it. */
	notHeld(delivery: Delivery): void {
		const pending = this.#pending.heldAs(delivery);
		if (pending !== undefined) this.#pending.remove(pending);
	}

	/** One PUBLISH payload that came on this host's channel. */
	receive(payload: string): void {
		for (const frame of decodeHostFrames(payload)) {
			switch (frame.kind) {
				case 'm': {
					this.#message(frame);
					break;
				}

				case 'a': {
					this.#answered(frame);
					break;
				}

				case 'd': {
					for (const seq of frame.seqs) this.#delivered(seq);
					break;
				}

				case 'p': {
					const user = this.#users.byKey(frame.toKey);
					if (user !== undefined && this.#users.isLocal(user))
						user.partnerName = detached(frame.partner);
					break;
				}

				case 'l': {
					const user = this.#users.byKey(frame.toKey);
					if (user !== undefined && this.#users.isLocal(user))
						user.link?.send(detached(frame.line));
					break;
				}

				case 't': {
					const user = this.#users.byKey(frame.toKey);
					if (user !== undefined && this.#users.isLocal(user)) this.storedLate?.(user);
					break;
				}
			}
		}
	}

	/** `host` is gone: what was handed to it and not answered fails. */
	hostGone(host: string): void {
		this.#outbox.forget(host);
		this.#pauses.release(host);
		for (const entry of this.#pending.entries()) {
			if (entry.host !== host) continue;
			this.#pending.remove(entry);
			const name = entry.delivery.recipient.name;
			this.#relay?.dropped(
				entry.delivery,
				'user-left',
				`${name}'s host went away before the message was handed on`,
			);
		}
	}

	/** Redis went away: answers from other hosts may be lost with it, so nothing waits for them. */
	lost(): void {
		// What waits to be published would reach its recipient after its sender heard FAILED.
		this.#outbox.forgetAll();
		this.#pauses.releaseAll();
		for (const entry of this.#pending.entries()) {
			if (entry.host === undefined) continue;
			this.#pending.remove(entry);
			const name = entry.delivery.recipient.name;
			this.#relay?.dropped(
				entry.delivery,
				'unreachable',
				`this host lost the cluster's Redis before ${name}'s host answered`,
			);
		}
	}

	stop(): void {
		clearInterval(this.#sweep);
	}

	/** Publishes what waits now, and resolves once Redis has taken it (before a shutdown). */
	async flushNow(): Promise<void> {
		await this.#outbox.flushNow();
	}

	#failAll(forwarded: readonly Forwarded[], why: string): void {
		for (const each of forwarded) {
			const {delivery} = each;
			this.#fail(each, 'unreachable', `${delivery.recipient.name}'s host ${why}`);
		}
	}

	/** Fails a message once: one stamped here only while it still waits for its answer (one
	 * stamped elsewhere, or held, is answered to its origin, which knows whether it still waits). */
	#fail(forwarded: Forwarded, code: string, reason: string): void {
		const {delivery} = forwarded;
		if (delivery.origin === undefined && !this.#pending.remove(forwarded as Pending)) return;
		this.#relay?.dropped(delivery, code, reason);
	}

	#message(frame: MessageFrame): void {
		const origin = this.origin(frame.origin);
		const recipient = this.#users.byKey(frame.toKey);
		const sender =
			this.#users.byKey(frame.fromKey) ??
			goneUser(detached(frame.fromName), detached(frame.fromKey));
		// Its strings are slices of the whole payload: of their own, they keep only themselves alive
		// while the message waits (a replay, a slow reader's queue, a hold).
		const {ref} = frame;
		const delivery: RoutedDelivery = {
			seq: frame.seq,
			id: detached(frame.id),
			time: frame.time,
			sender,
			ref: ref === undefined ? undefined : detached(ref),
			recipient: recipient ?? goneUser(detached(frame.toKey), detached(frame.toKey)),
			// A plain user's line is made here, of the text (a string of its own once flat).
			line: frame.plainText
				? flat(formatPlainRelay(this.#ctime.now(frame.time), frame.fromName, frame.line))
				: detached(frame.line),
			origin,
		};
		// A text for a plain user whose name is now a structured user's: the one it was for left.
		const otherFace = frame.plainText === true && recipient?.face !== 'plain';
		if (recipient === undefined || recipient.gone || otherFace || this.#relay === undefined) {
			const name = recipient?.name ?? 'the user';
			origin.dropped(delivery, 'user-left', `${name} left before the message was handed on`);
			return;
		}

		// The following rule, kept where the plain recipient is: a reply goes to the latest sender.
		if (recipient.face === 'plain' && this.#users.isLocal(recipient)) {
			if (recipient.partnerName !== frame.fromName)
				recipient.partnerName = detached(frame.fromName);
		}

		this.#relay.handOn(delivery);
	}

	/** The message on its way as `seq` reached its recipient's socket. */
	#delivered(seq: number): void {
		const entry = this.#pending.takeSent(seq);
		if (entry !== undefined) this.#relay?.senderDelivered(entry.delivery);
	}

	#answered(answer: AnswerFrame): void {
		const relay = this.#relay;
		if (relay === undefined) return;
		const {seq} = answer;
		if (answer.outcome === 'h') {
			const entry =
				seq === undefined ? this.#pending.takeById(answer.id) : this.#pending.heldThere(seq);
			if (entry === undefined) return;
			if (seq === undefined) this.#pending.hold(entry.delivery);
			relay.senderHeld(entry.delivery);
			return;
		}

		const entry =
			seq === undefined ? this.#pending.takeById(answer.id) : this.#pending.takeSent(seq);
		if (entry === undefined) return;
		if (answer.outcome === 'd') relay.senderDelivered(entry.delivery);
		else if (answer.outcome === 's') relay.senderStored(entry.delivery);
		else relay.dropped(entry.delivery, answer.code, answer.reason);
	}

	readonly #ease = (): void => {
		// Taken first: a host eased meanwhile schedules its own turn.
		const hosts = [...this.#eased];
		this.#eased.clear();
		for (const host of hosts) {
			this.#outbox.resume(host);
			this.#pauses.eased(host, this.#pending.waitingOn(host));
		}
	};

	readonly #failSilent = (): void => {
		const now = Date.now();
		this.#outbox.failOverdue(now);
		for (const entry of this.#pending.takeOverdue(now, REMOTE_ANSWER_TIMEOUT_MS)) {
			const name = entry.delivery.recipient.name;
			this.#relay?.dropped(entry.delivery, 'unreachable', `${name}'s host did not answer`);
		}
	};
}

/** A user this host does not know (left, or never seen here), for a delivery that names them. */
export function goneUser(name: string, key: string): User {
	const user = new User(name, key, 'structured');
	user.gone = true;
	return user;
}
