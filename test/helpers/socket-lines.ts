// The lines arriving on a socket (a trailing \r dropped), and a wait that ends on a line, the
// close, or a deadline, never on a sleep. Under the tests' raw-client.ts and the bench's
// line-socket.ts, which each take lines their own way.
import type net from 'node:net';

export type SocketLines = {
	/** Every line received so far, in order; a reader may take them out. */
	readonly lines: string[];
	readonly closed: Promise<void>;
	isClosed(): boolean;
	/** Sees every line as it arrives, before it is kept in `lines`. */
	watch(observer: (line: string) => void): void;
	/**
	 * Resolves with `ready()`'s value as soon as it has one, asking again on every line; rejects
	 * with `failure(closed)` once the socket has closed or `timeoutMs` has passed without one.
	 */
	until<T>(
		ready: () => T | undefined,
		timeoutMs: number,
		failure: (closed: boolean) => Error,
	): Promise<T>;
};

export function readSocketLines(socket: net.Socket): SocketLines {
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
	// Resets are part of what tests and abuse runs provoke; the close is what they wait for.
	socket.on('error', () => {});
	const closedPromise = new Promise<void>((resolve) => {
		socket.once('close', () => {
			closed = true;
			wake?.();
			resolve();
		});
	});
	return {
		lines,
		closed: closedPromise,
		isClosed: () => closed,
		watch(observer) {
			observe = observer;
		},
		async until(ready, timeoutMs, failure) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const value = ready();
				if (value !== undefined) return value;
				const left = deadline - Date.now();
				if (closed || left <= 0) throw failure(closed);
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
