// Messages held in Redis for away users (docs/cluster.md "Held messages"): a delivery as an
// entry of the user's list, and back, wherever the user comes back. A message taken back carries
// the origin that stamped it, so its sender hears there.

import type {Delivery, User} from '../relay/user.js';
import {decodeHeld, encodeHeld} from './cluster-frames.js';
import {goneUser, type ClusterRouting, type RoutingUsers} from './cluster-routing.js';
import {originHost} from './host-origin.js';

export function heldEntry(delivery: Delivery, self: string): string {
	return encodeHeld({
		id: delivery.id,
		time: delivery.time,
		ref: delivery.ref,
		fromKey: delivery.sender.key,
		fromName: delivery.sender.name,
		origin: originHost(delivery, self),
		line: delivery.line,
	});
}

/** The deliveries for `recipient` of the entries Redis gave back, oldest first. */
export function heldDeliveries(
	entries: unknown,
	recipient: User,
	users: RoutingUsers,
	routing: ClusterRouting,
): Delivery[] {
	if (!Array.isArray(entries)) return [];
	const deliveries: Delivery[] = [];
	for (const text of entries) {
		const entry = typeof text === 'string' ? decodeHeld(text) : undefined;
		if (entry === undefined) continue;
		deliveries.push({
			id: entry.id,
			time: entry.time,
			sender: users.byKey(entry.fromKey) ?? goneUser(entry.fromName, entry.fromKey),
			ref: entry.ref,
			recipient,
			line: entry.line,
			origin: routing.origin(entry.origin),
		});
	}

	return deliveries;
}
