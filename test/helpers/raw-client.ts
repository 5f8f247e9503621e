// A raw TCP client for integration tests: send lines, wait for lines, see the socket close.
// Event-driven: every wait ends on an event or its deadline, never on a sleep.
//
//   const alice = await connectRaw(port);
//   alice.send('alice');
//   assert.equal(await alice.nextLine(), 'Welcome!');

import net from 'node:net';
import {readSocketLines} from './socket-lines.js';

/** How long a wait may take before the test fails with what the client did see. */
export const DEFAULT_WAIT_MS = 5000;

export type LineMatcher = RegExp | ((line: string) => boolean);

export type RawClient = {
	readonly socket: net.Socket;
	/** Every line received so far, in order (also those a wait skipped). */
	readonly lines: string[];
	/** Writes `line` and a `\n`. */
	send(line: string): void;
	/** Writes bytes as they are (no newline added). */
	sendRaw(bytes: Buffer | string): void;
	/** The next line not yet taken by nextLine/waitForLine. */
	nextLine(timeoutMs?: number): Promise<string>;
	/** Takes lines until one matches and returns it; the skipped lines stay in `lines`. */
	waitForLine(matcher: LineMatcher, timeoutMs?: number): Promise<string>;
	/** Resolves when the socket has closed (either side). */
	readonly closed: Promise<void>;
	/** True once the socket has closed. */
	readonly isClosed: boolean;
	/** Half-closes: sends FIN, keeps reading until the host closes too. */
	end(): void;
	/** Closes at once. */
	destroy(): void;
};

export type RawConnectOptions = {
	/** Default 127.0.0.1. */
	host?: string;
	/** The address to connect from (another loopback address, say); default the system's choice. */
	localAddress?: string;
};

export async function connectRaw(
	port: number,
	{host = '127.0.0.1', localAddress}: RawConnectOptions = {},
): Promise<RawClient> {
	const socket = net.connect({port, host, ...(localAddress === undefined ? {} : {localAddress})});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	return wrapSocket(socket);
}

/** Wraps an already connected socket (a TLS one, say) like connectRaw does. */
export function wrapSocket(socket: net.Socket): RawClient {
	const reader = readSocketLines(socket);
	const {lines} = reader;
	let taken = 0;

	/** Waits until `ready()` returns a value, a line arrives or the socket closes, up to a deadline. */
	const until = async <T>(ready: () => T | undefined, what: string, timeoutMs: number) =>
		reader.until(ready, timeoutMs, (closed) => {
			const state = closed ? 'the socket closed' : `${timeoutMs} ms passed`;
			const recent = lines.slice(-5).join(' | ');
			return new Error(`${state} while waiting for ${what}; last lines: ${recent}`);
		});

	const take = (): string | undefined => (taken < lines.length ? lines[taken++] : undefined);

	return {
		socket,
		lines,
		send(line) {
			socket.write(line + '\n');
		},
		sendRaw(bytes) {
			socket.write(bytes);
		},
		nextLine(timeoutMs = DEFAULT_WAIT_MS) {
			return until(take, 'a line', timeoutMs);
		},
		waitForLine(matcher, timeoutMs = DEFAULT_WAIT_MS) {
			const test = typeof matcher === 'function' ? matcher : (line: string) => matcher.test(line);
			const find = (): string | undefined => {
				for (let line = take(); line !== undefined; line = take()) if (test(line)) return line;
				return undefined;
			};

			return until(find, `a line matching ${String(matcher)}`, timeoutMs);
		},
		closed: reader.closed,
		get isClosed() {
			return reader.isClosed();
		},
		end() {
			socket.end();
		},
		destroy() {
			socket.destroy();
		},
	};
}

/** Logs in on the plain face and returns once `Welcome!` arrived. */
export async function loginPlain(port: number, name: string): Promise<RawClient> {
	const client = await connectRaw(port);
	client.send(name);
	const reply = await client.nextLine();
	if (reply !== 'Welcome!') throw new Error(`plain login as ${name} got: ${reply}`);
	return client;
}

/** Logs in on the structured face; returns the client and its resume token after `USERS-END`. */
export async function loginStructured(
	port: number,
	name: string,
	extra = '',
): Promise<RawClient & {token: string; roster: string[]}> {
	const client = await connectRaw(port);
	client.send(`HELLO 1 ${name}${extra}`);
	const welcome = await client.nextLine();
	const match = /^WELCOME (\S+) (\S+) \d+(?: rate=\d+ burst=\d+)?$/.exec(welcome);
	if (!match) throw new Error(`structured login as ${name} got: ${welcome}`);
	const roster: string[] = [];
	for (let line = await client.nextLine(); line !== 'USERS-END'; line = await client.nextLine()) {
		if (!line.startsWith('USERS')) throw new Error(`expected the roster, got: ${line}`);
		roster.push(...line.split(' ').slice(1));
	}

	return Object.assign(client, {token: match[2] ?? '', roster});
}
