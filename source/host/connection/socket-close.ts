// The socket's side of a connection's end (docs/protocol.md "Limits", CLOSE_DEADLINE_MS).

import type {Socket} from 'node:net';
import {CLOSE_DEADLINE_MS} from '../../protocol/limits.js';

/** After `end()`: reads (and drops) what still comes so the peer's FIN is seen; a peer that
 * never closes its side, or never reads, is cut off after CLOSE_DEADLINE_MS. */
export function destroyAfterDeadline(socket: Socket): void {
	socket.resume();
	const timer = setTimeout(destroySocket, CLOSE_DEADLINE_MS, socket);
	socket.once('close', () => {
		clearTimeout(timer);
	});
}

function destroySocket(socket: Socket): void {
	socket.destroy();
}
