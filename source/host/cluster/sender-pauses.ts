// Senders on this host stop being read while the host their messages go to is a window behind
// with its answers (docs/cluster.md "Channels"): their next lines wait in their sockets, as bytes,
// instead of as messages waiting on this host for an answer. The pause is the connection's own
// (`UserLink.holdLinesUntil`, as for a line waiting on Redis), so their order is kept.

import type {User} from '../relay/user.js';
import {SENDER_PAUSE_CHARS, SENDER_RESUME_CHARS} from './cluster-limits.js';

type Opening = {readonly promise: Promise<void>; readonly open: () => void};

export class SenderPauses {
	/** Per host a window behind: what its paused senders wait for. */
	readonly #openings = new Map<string, Opening>();

	/** `waiting` characters wait on `host` now that `sender` sent it a message: past the window,
	 * the sender is read no further until the host catches up. */
	sent(sender: User, host: string, waiting: number): void {
		if (waiting < SENDER_PAUSE_CHARS) return;
		sender.link?.holdLinesUntil(this.#opening(host).promise);
	}

	/** `host` answered: under the lower mark, its senders read on. */
	eased(host: string, waiting: number): void {
		if (waiting < SENDER_RESUME_CHARS) this.release(host);
	}

	/** Senders waiting on `host` read on (it caught up, or it is gone: their messages fail fast). */
	release(host: string): void {
		const opening = this.#openings.get(host);
		if (opening === undefined) return;
		this.#openings.delete(host);
		opening.open();
	}

	releaseAll(): void {
		for (const host of [...this.#openings.keys()]) this.release(host);
	}

	#opening(host: string): Opening {
		let opening = this.#openings.get(host);
		if (opening === undefined) {
			let open = () => {};
			const promise = new Promise<void>((resolve) => {
				open = resolve;
			});
			opening = {promise, open};
			this.#openings.set(host, opening);
		}

		return opening;
	}
}
