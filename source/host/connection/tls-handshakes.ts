// TLS handshakes in progress count as connections still logging in (pre-login-cap.ts): an idle
// connect that never finishes its handshake must make way like one that never sends a name. One
// that has to is closed at once (it cannot read a line yet). Its place ends with the handshake;
// the Connection that follows takes a place of its own.

import type {Socket} from 'node:net';
import type {PreLoginCap, PreLoginEntry} from './pre-login-cap.js';

/** The TCP connection a socket rides on: the raw socket and its TLS socket share it. */
function peerKey(socket: Socket): string {
	return `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;
}

class Handshake implements PreLoginEntry {
	readonly raw: Socket;
	constructor(raw: Socket) {
		this.raw = raw;
	}

	evictPreLogin(): void {
		this.raw.destroy();
	}
}

export class TlsHandshakes {
	readonly #cap: PreLoginCap;
	/** Handshakes by peer: the TLS socket the handshake ends with is not the raw one it began on. */
	readonly #byPeer = new Map<string, Handshake>();

	constructor(cap: PreLoginCap) {
		this.#cap = cap;
	}

	/** TCP accepted `raw`; its handshake begins. */
	started(raw: Socket): void {
		const key = peerKey(raw);
		const handshake = new Handshake(raw);
		this.#byPeer.set(key, handshake);
		this.#cap.add(handshake);
		raw.once('close', () => {
			this.#end(key, handshake);
		});
	}

	/** The handshake on `secure`'s connection is done. */
	finished(secure: Socket): void {
		const key = peerKey(secure);
		const handshake = this.#byPeer.get(key);
		if (handshake !== undefined) this.#end(key, handshake);
	}

	#end(key: string, handshake: Handshake): void {
		this.#cap.remove(handshake);
		// A later connection from the same address and port may hold the key by now.
		if (this.#byPeer.get(key) === handshake) this.#byPeer.delete(key);
	}
}
