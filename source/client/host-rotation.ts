// The hosts of a cluster that `chat join alice@h1,h2,h3` may use (docs/cluster.md "Resume on
// another host"): a connection that fails before it logs in moves on to the next host at once,
// and only a whole round of failures waits for the usual reconnect delay. With one host this is
// the single-host client exactly.

import type {HostAddress} from './open-socket.js';

/** Socket errors that come before any byte was sent: the resume token never left this machine,
 * so it is still good for the next host. */
const NEVER_CONNECTED = new Set([
	'ECONNREFUSED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
]);

export class HostRotation {
	readonly #addresses: readonly HostAddress[];
	#index = 0;
	/** Hosts that failed in a row since the last login or the last full round. */
	#failedInRound = 0;

	constructor(addresses: readonly HostAddress[]) {
		this.#addresses = addresses;
	}

	get current(): HostAddress {
		return this.#addresses[this.#index] ?? {host: 'localhost', port: 0};
	}

	/** The current host failed before a login: the next one is current. True when it is untried
	 * in this round (try it now); false when every host failed (wait, as for one host). */
	failed(): boolean {
		if (this.#addresses.length < 2) return false;
		this.#index = (this.#index + 1) % this.#addresses.length;
		this.#failedInRound++;
		if (this.#failedInRound < this.#addresses.length) return true;
		this.#failedInRound = 0;
		return false;
	}

	loggedIn(): void {
		this.#failedInRound = 0;
	}
}

/** Whether a connection that ended with this socket error never reached the host. */
export function neverConnected(errorCode: string | undefined): boolean {
	return errorCode !== undefined && NEVER_CONNECTED.has(errorCode);
}
