// The UserLink of a user online on another host of the cluster: what the relay hands it goes to
// that host's channel (cluster-routing.ts), which hands it to the user's own connection.

import type {CloseReason, Delivery, User, UserLink} from '../relay/user.js';
import type {ClusterRouting} from './cluster-routing.js';

export class RemoteLink implements UserLink {
	readonly host: string;
	/** The user's host makes a plain user's line of a message from its text (cluster-routing.ts). */
	readonly makesPlainLines = true;
	readonly #user: User;
	readonly #routing: ClusterRouting;

	constructor(routing: ClusterRouting, host: string, user: User) {
		this.#routing = routing;
		this.host = host;
		this.#user = user;
	}

	send(line: string): void {
		this.#routing.sendFrame(this.host, {kind: 'l', toKey: this.#user.key, line});
	}

	sendDelivery(delivery: Delivery): void {
		this.#routing.forward(this.host, delivery);
	}

	/** The user's own host closes its connection when the user moves here (a resume). */
	close(_reason: CloseReason, _lastLine?: string): void {}

	/** Presence news reaches a remote user from its own host. */
	catchUpNews(): void {}

	skipNews(): void {}

	/** A remote user's lines come in on its own host. */
	holdLinesUntil(_settled: Promise<unknown>): void {}
}
