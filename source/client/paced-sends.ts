// Our messages on their way out: as the parts they travel in, written as fast as the host's rate
// lets them go (send-pacer.ts), written again after a drop until each part has its result, and
// the parts' results told as one result per message (outgoing-messages.ts).
import {encodeSend} from '../protocol/client-lines.js';
import type {Pacing} from '../protocol/host-lines.js';
import {DEFAULT_BURST_LINES, DEFAULT_RATE_LINES_PER_SECOND} from '../protocol/limits.js';
import type {ClientEvent} from './chat-client.js';
import {MAX_QUEUED_MESSAGES} from './limits.js';
import type {MessagePart} from './message-parts.js';
import {createOutgoingMessages, type WirePart} from './outgoing-messages.js';
import {createPendingSends, type PendingSends} from './pending-sends.js';
import {SendPacer} from './send-pacer.js';

/** What an old host that says nothing of its rate is paced to: the documented defaults. */
const DEFAULT_PACING = {rate: DEFAULT_RATE_LINES_PER_SECOND, burst: DEFAULT_BURST_LINES};

type ResultEvent = Extract<ClientEvent, {type: 'held' | 'stored' | 'delivered' | 'failed'}>;

export type PacedSends = {
	/** Parts written and waiting for their result, for the incoming lines to settle. */
	readonly pending: PendingSends;
	/** Messages without their final result. */
	readonly size: number;
	add(message: {ref: string; to: string; parts: readonly MessagePart[]; action: boolean}): void;
	/** Logged in: lines go out through `write`, paced to what the host said (undefined: an old host). */
	online(write: (line: string) => void, pacing: Pacing | undefined): void;
	/** The connection is gone: what it did not answer is written again on the next one. */
	offline(): void;
	/** A part's result, as its message's events; the room it leaves lets the next part go. */
	result(event: ResultEvent): ClientEvent[];
	/** The session is over: every message without its result fails with `reason`. */
	failAll(reason: string): ClientEvent[];
};

/** `self` is our name, for an action sent to an old host as text. */
export function createPacedSends(self: string, nextRef: () => string): PacedSends {
	const pending = createPendingSends();
	const outgoing = createOutgoingMessages(nextRef);
	const pacer = new SendPacer(DEFAULT_PACING, Date.now());
	let write: ((line: string) => void) | undefined;
	let timer: NodeJS.Timeout | undefined;
	/** The host reads message options (it said its rate in WELCOME); an old host gets bare SENDs. */
	let hostReadsOptions = false;

	const encode = (part: WirePart) => {
		if (hostReadsOptions || part.options === undefined) {
			return encodeSend(part.ref, part.to, part.text, part.options);
		}

		// An old host refuses options: each part goes as a message of its own.
		const text = part.options.action === true ? `* ${self} ${part.text}` : part.text;
		return encodeSend(part.ref, part.to, text);
	};

	/** Writes what waits, resends first, as fast as the pacer lets; a timer takes the rest. */
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		if (write === undefined) return;
		const now = Date.now();
		for (;;) {
			const canTakePart = outgoing.hasWaiting() && pending.size < MAX_QUEUED_MESSAGES;
			if (!pending.hasUnwritten() && !canTakePart) return;
			if (!pacer.take(now)) {
				timer = setTimeout(flush, pacer.msUntilToken(now));
				return;
			}

			let part = pending.nextUnwritten();
			if (part === undefined) {
				part = outgoing.takePart();
				if (part === undefined) return;
				pending.add(part);
				pending.nextUnwritten();
			}

			write(encode(part));
		}
	};

	return {
		pending,
		get size() {
			return outgoing.size;
		},
		add(message) {
			outgoing.add(message);
			flush();
		},
		online(writeLine, pacing) {
			write = writeLine;
			hostReadsOptions = pacing !== undefined;
			// A fresh login starts with the host's whole burst (docs/protocol.md "Pacing").
			pacer.reset(pacing ?? DEFAULT_PACING, Date.now());
			flush();
		},
		offline() {
			write = undefined;
			clearTimeout(timer);
			pending.markAllUnwritten();
		},
		result(event) {
			const events = outgoing.settle(event);
			if (event.type !== 'held') flush();
			return events;
		},
		failAll(reason) {
			write = undefined;
			clearTimeout(timer);
			const events: ClientEvent[] = [];
			for (const part of pending.drain()) {
				events.push(...outgoing.settle({type: 'failed', ref: part.ref, code: 'not-sent', reason}));
			}

			for (const ref of outgoing.drain())
				events.push({type: 'failed', ref, code: 'not-sent', reason});
			return events;
		},
	};
}
