// Sockets the host holds at once, against its budget (docs/protocol.md "Limits",
// --max-connections): counted from accept to close, refused ones too, since each holds a
// descriptor until then.

import type {Socket} from 'node:net';

export class SocketBudget {
	readonly #max: number;
	#open = 0;
	/** One handler for every socket, no closure per socket. */
	readonly #onClose = (): void => {
		this.#open--;
	};

	/** `max` 0 means no budget. */
	constructor(max: number) {
		this.#max = max;
	}

	/** True while more sockets are open than the budget allows (a newcomer was just counted). */
	get over(): boolean {
		return this.#max > 0 && this.#open > this.#max;
	}

	/** Counts a socket TCP just accepted, until it closes. */
	opened(socket: Socket): void {
		this.#open++;
		socket.on('close', this.#onClose);
	}
}
