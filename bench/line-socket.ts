// A TCP client for the by-hand abuse and soak runs: lines in, lines out, from a chosen loopback
// source address, with waits that end on a line, the close, or a deadline.
import net from 'node:net';
import {readSocketLines} from '../test/helpers/socket-lines.js';

export type LineSocket = {
	readonly socket: net.Socket;
	/** Lines received and not taken yet. */
	readonly lines: string[];
	readonly closed: Promise<void>;
	isClosed(): boolean;
	send(line: string): void;
	/** Sees every line as it arrives, before it is kept for waitFor. */
	watch(observer: (line: string) => void): void;
	/** Takes lines until one matches; rejects when the socket closes or the deadline passes. */
	waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
};

export async function connectLines(
	port: number,
	localAddress = '127.0.0.1',
	timeoutMs = 10_000,
): Promise<LineSocket> {
	const socket = net.connect({port, host: '127.0.0.1', localAddress});
	socket.setNoDelay(true);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error('no connection within the deadline'));
		}, timeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			resolve();
		});
		socket.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
	return wrapLines(socket);
}

function wrapLines(socket: net.Socket): LineSocket {
	const reader = readSocketLines(socket);
	const {lines} = reader;
	return {
		socket,
		lines,
		closed: reader.closed,
		isClosed: reader.isClosed,
		send(line) {
			if (!socket.destroyed) socket.write(line + '\n');
		},
		watch: reader.watch,
		async waitFor(pattern, timeoutMs) {
			const match = (): string | undefined => {
				while (lines.length > 0) {
					const line = lines.shift() ?? '';
					if (pattern.test(line)) return line;
				}

				return undefined;
			};

			return reader.until(match, timeoutMs, (closed) =>
				closed
					? new Error(`closed while waiting for ${String(pattern)}`)
					: new Error(`${timeoutMs} ms passed waiting for ${String(pattern)}`),
			);
		},
	};
}
