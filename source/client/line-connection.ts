// One connected socket seen as lines: one LineFramer per socket (so a half line never leaks
// into the next connection), writes as whole lines, and one `onEnd` however the socket ends.
import type net from 'node:net';
import {LineFramer} from '../protocol/line-framer.js';
import {MAX_HOST_LINE_BYTES} from '../protocol/limits.js';

type ConnectionEnd = {
	/** The socket error code (`ECONNRESET` …), or undefined when the host simply closed. */
	errorCode: string | undefined;
};

export type LineConnection = {
	/** Writes one line; the newline is added here. Does nothing once the connection ended. */
	send(line: string): void;
	/** Flushes what was written, then closes. */
	end(): void;
	/** Closes at once (a dead connection has nothing worth flushing). */
	destroy(): void;
};

export function attachLineConnection(
	socket: net.Socket,
	onLine: (line: string) => void,
	onEnd: (end: ConnectionEnd) => void,
): LineConnection {
	let ended = false;
	let errorCode: string | undefined;
	// A host line past the limit is dropped by the framer; there is nothing to answer it with.
	const framer = new LineFramer(MAX_HOST_LINE_BYTES, onLine, () => undefined);
	socket.on('data', (chunk: Buffer) => {
		framer.push(chunk);
	});
	socket.on('error', (error: NodeJS.ErrnoException) => {
		errorCode ??= error.code;
	});
	socket.on('close', () => {
		ended = true;
		framer.stop();
		onEnd({errorCode});
	});

	return {
		send(line) {
			if (!ended && !socket.destroyed) {
				socket.write(line + '\n');
			}
		},
		end() {
			socket.end();
		},
		destroy() {
			framer.stop();
			socket.destroy();
		},
	};
}
