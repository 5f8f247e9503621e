// What a sender hears about its message (docs/protocol.md "Host → client", "The plain face"): a
// structured sender one result line per ref, remembered for a resent SEND; a plain sender one
// sentence, counted per recipient where several messages fail at once.

import {
	plainHeldFailed,
	plainNotKept,
	plainStoredFor,
	plainUnreachable,
} from '../../protocol/plain-face.js';
import {encodeFailed, encodeStored} from '../../protocol/structured-messages.js';
import {flat} from './flat-string.js';
import type {KeepOutcome} from './offline-mail.js';
import type {Delivery, User} from './user.js';

/** Sends a structured sender the result of `ref` (HELD, STORED, FAILED), and remembers it. */
export function answerSender(sender: User, ref: string, line: string): void {
	// Kept with the ref (MAX_REMEMBERED_REFS of them at least): flat, it is one small string.
	sender.refs.settle(ref, flat(line));
	sender.link?.send(line);
}

/** Tells the sender of each dropped message: FAILED per ref, or one line per plain sender. */
export function failToSenders(deliveries: readonly Delivery[], code: string, reason: string): void {
	let plainCounts: Map<User, Map<string, number>> | undefined;
	for (const delivery of deliveries) {
		// Stamped on another host of a cluster: its sender hears there.
		if (delivery.origin !== undefined) {
			delivery.origin.dropped(delivery, code, reason);
			continue;
		}

		const {sender, ref} = delivery;
		if (ref !== undefined) {
			answerSender(sender, ref, encodeFailed(ref, code, reason));
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

/** STORED to a structured sender, one line to a plain one. */
export function storedToSender(
	sender: User,
	recipient: string,
	ref: string | undefined,
	message: {readonly id: string; readonly time: number},
): void {
	if (ref === undefined) sender.link?.send(plainStoredFor(recipient));
	else answerSender(sender, ref, encodeStored(ref, message.id, message.time));
}

/** What became of a message kept for an offline owner, to its sender. */
export function keepOutcomeToSender(
	sender: User,
	recipient: string,
	ref: string | undefined,
	outcome: KeepOutcome,
): void {
	if (outcome.kind === 'stored') storedToSender(sender, recipient, ref, outcome);
	else if (ref === undefined) sender.link?.send(plainNotKept(recipient, outcome.reason));
	else answerSender(sender, ref, encodeFailed(ref, outcome.code, outcome.reason));
}
