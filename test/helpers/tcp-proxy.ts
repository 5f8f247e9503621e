// A loopback TCP proxy for network-fault tests: it can cut every connection (a reset) or go
// silent without closing anything (a dead Wi-Fi: TCP does not notice, only pings do).
import net from 'node:net';

export type TcpProxy = {
	port: number;
	/** Connections accepted so far. */
	readonly accepted: number;
	/** Destroys every open connection on both sides. */
	cutAll(): void;
	/** Stops forwarding bytes (both ways, or only host to client) while keeping the sockets open. */
	goSilent(direction?: 'both' | 'to-client'): void;
	/** Everything forwarded so far, as text, per direction (for tests that watch the wire). */
	readonly transcript: {toHost: string; toClient: string};
	/** Resolves when the forwarded text in one direction matches, or rejects after a deadline. */
	waitForText(
		direction: 'toHost' | 'toClient',
		matches: RegExp | ((text: string) => boolean),
		deadlineMs?: number,
	): Promise<void>;
	/** Forwards again (bytes held while silent are dropped, as a dead link would). */
	speak(): void;
	close(): Promise<void>;
};

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
	const pairs = new Set<{client: net.Socket; upstream: net.Socket}>();
	let silent: 'none' | 'both' | 'to-client' = 'none';
	let accepted = 0;
	const transcript = {toHost: '', toClient: ''};
	const watchers = new Set<() => void>();
	const record = (direction: 'toHost' | 'toClient', chunk: Buffer) => {
		transcript[direction] += chunk.toString('utf8');
		for (const watcher of [...watchers]) watcher();
	};

	const server = net.createServer((client) => {
		accepted++;
		const upstream = net.connect({host: '127.0.0.1', port: targetPort});
		const pair = {client, upstream};
		pairs.add(pair);
		client.on('data', (chunk) => {
			if (silent === 'both') return;
			record('toHost', chunk);
			upstream.write(chunk);
		});
		upstream.on('data', (chunk) => {
			if (silent !== 'none') return;
			record('toClient', chunk);
			client.write(chunk);
		});
		const end = () => {
			pairs.delete(pair);
			client.destroy();
			upstream.destroy();
		};

		client.on('close', end);
		upstream.on('close', end);
		client.on('error', end);
		upstream.on('error', end);
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const cutAll = () => {
		for (const {client, upstream} of pairs) {
			client.resetAndDestroy();
			upstream.destroy();
		}
	};

	return {
		port: (server.address() as net.AddressInfo).port,
		get accepted() {
			return accepted;
		},
		cutAll,
		transcript,
		async waitForText(direction, matches, deadlineMs = 5000) {
			const test = typeof matches === 'function' ? matches : (text: string) => matches.test(text);
			return new Promise((resolve, reject) => {
				const check = () => {
					if (!test(transcript[direction])) return;
					watchers.delete(check);
					clearTimeout(timer);
					resolve();
				};

				const timer = setTimeout(() => {
					watchers.delete(check);
					reject(new Error(`${String(matches)} not seen ${direction} within ${deadlineMs} ms`));
				}, deadlineMs);
				watchers.add(check);
				check();
			});
		},
		goSilent(direction = 'both') {
			silent = direction;
		},
		speak() {
			silent = 'none';
		},
		async close() {
			cutAll();
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
