// A TCP client for the by-hand abuse and soak runs: lines in, lines out, from a chosen loopback
// source address, with waits that end on a line, the close, or a deadline.
import net from 'node:net';

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
	const lines: string[] = [];
	let tail = '';
	let closed = false;
	let wake: (() => void) | undefined;
	let observe: ((line: string) => void) | undefined;
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => {
		const parts = (tail + chunk).split('\n');
		tail = parts.pop() ?? '';
		for (const part of parts) {
			const line = part.endsWith('\r') ? part.slice(0, -1) : part;
			observe?.(line);
			lines.push(line);
		}

		wake?.();
	});
	socket.on('error', () => {});
	const closedPromise = new Promise<void>((resolve) => {
		socket.once('close', () => {
			closed = true;
			wake?.();
			resolve();
		});
	});
	return {
		socket,
		lines,
		closed: closedPromise,
		isClosed: () => closed,
		send(line) {
			if (!socket.destroyed) socket.write(line + '\n');
		},
		watch(observer) {
			observe = observer;
		},
		async waitFor(pattern, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				while (lines.length > 0) {
					const line = lines.shift() ?? '';
					if (pattern.test(line)) return line;
				}

				const left = deadline - Date.now();
				if (closed) throw new Error(`closed while waiting for ${String(pattern)}`);
				if (left <= 0) throw new Error(`${timeoutMs} ms passed waiting for ${String(pattern)}`);
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					wake = () => {
						clearTimeout(timer);
						resolve();
					};
				});
				wake = undefined;
			}
		},
	};
}
