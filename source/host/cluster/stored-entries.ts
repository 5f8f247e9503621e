// Stored messages as entries of an owner's lists in Redis (docs/cluster.md "Stored messages"), in
// the held entries' format, and back: what Redis gives at a login or a resume becomes deliveries
// kept as stored; what was held for an owner who left becomes entries with the `MSG … stored` line.

import {encodeStoredMsg, msgOptions, msgText} from '../../protocol/structured-messages.js';
import {flat} from '../relay/flat-string.js';
import type {Delivery, User} from '../relay/user.js';
import {decodeHeld} from './cluster-frames.js';
import {goneUser} from './cluster-routing.js';
import {heldEntry} from './held-deliveries.js';
import {entryPrefix} from './stored-confirmations.js';

/** The deliveries of the entries Redis gave, oldest first, and the prefixes of those older than
 * `cutoff` (the script drops expired entries only when it appends: some may still be there). */
export function storedDeliveries(
	entries: unknown,
	recipient: User,
	cutoff: number,
): {deliveries: Delivery[]; expired: string[]} {
	const deliveries: Delivery[] = [];
	const expired: string[] = [];
	if (!Array.isArray(entries)) return {deliveries, expired};
	for (const text of entries) {
		const entry = typeof text === 'string' ? decodeHeld(text) : undefined;
		if (entry === undefined) continue;
		if (entry.time < cutoff) {
			expired.push(entryPrefix(entry));
			continue;
		}

		deliveries.push({
			id: entry.id,
			time: entry.time,
			sender: goneUser(entry.fromName, entry.fromKey),
			ref: entry.ref,
			recipient,
			line: entry.line,
			kept: 'stored',
		});
	}

	return {deliveries, expired};
}

/** Entries for messages that were held for `owner` (its name), now stored: their line says so. */
export function storedEntries(owner: string, held: readonly Delivery[], self: string): string[] {
	return held.map((delivery) => {
		const {id, time, sender, ref} = delivery;
		// The parts and the action mark go with it, as on a single host's store.
		const text = msgText(delivery.line);
		const line = flat(
			encodeStoredMsg(id, time, sender.name, owner, ref, text, msgOptions(delivery.line)),
		);
		return heldEntry({...delivery, line}, self);
	});
}
