// One simulated user: a TCP connection that logs in through a face, then hands every line to
// whatever the scenario installs.
import net from 'node:net';
import {LineScanner, type LineVisitor} from './line-scanner.js';
import type {RelayFace} from './relay-faces.js';

const LOGIN_DEADLINE_MS = 30_000;
/** Logins in flight at once: ngircd's listen backlog is 10. */
export const LOGINS_IN_FLIGHT = 8;
const ignoreLine: LineVisitor = () => undefined;
/** Reads of every user's socket; LineScanner copies what it keeps, so one buffer serves all. */
const SHARED_READ_BUFFER = Buffer.alloc(64 * 1024);

export class BenchUser {
	/** Called for every line after login; scenarios replace it. */
	onLine: LineVisitor = ignoreLine;
	/** Set when the connection ended without this side asking for it. */
	dropped: string | undefined;
	#leaving = false;
	readonly closed: Promise<void>;

	private constructor(
		readonly name: string,
		readonly socket: net.Socket,
	) {
		this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
	}

	/** Connects and logs in; rejects on a refusal, a drop or the deadline. */
	static async logIn(port: number, face: RelayFace, name: string): Promise<BenchUser> {
		let scanner: LineScanner | undefined;
		const socket = net.connect({
			host: '127.0.0.1',
			port,
			// Every read lands in one shared buffer, consumed before the next: no Buffer per read.
			onread: {
				buffer: SHARED_READ_BUFFER,
				callback(bytes) {
					scanner?.push(SHARED_READ_BUFFER.subarray(0, bytes));
					return true;
				},
			},
		});
		socket.setNoDelay(true);
		const user = new BenchUser(name, socket);
		return new Promise<BenchUser>((resolve, reject) => {
			let loggedIn = false;
			const fail = (reason: string) => {
				clearTimeout(timer);
				socket.destroy();
				reject(new Error(`${name}: ${reason}`));
			};
			const timer = setTimeout(() => fail('no login within the deadline'), LOGIN_DEADLINE_MS);
			scanner = new LineScanner((buffer, start, end) => {
				if (loggedIn) {
					const pong = face.pong?.(buffer, start, end);
					if (pong) socket.write(pong);
					else user.onLine(buffer, start, end);
					return;
				}
				try {
					loggedIn = face.loggedIn(buffer.toString('utf8', start, end));
				} catch (error) {
					fail((error as Error).message);
					return;
				}
				if (loggedIn) {
					clearTimeout(timer);
					resolve(user);
				}
			});
			socket.once('connect', () => socket.write(face.login(name)));
			socket.on('error', (error) => {
				user.dropped ??= error.message;
			});
			socket.once('close', () => {
				if (!user.#leaving) user.dropped ??= 'the relay closed the connection';
				if (!loggedIn) fail(user.dropped ?? 'closed');
			});
		});
	}

	/** Logs out politely and waits for the connection to end. */
	async leave(quitLine: string): Promise<void> {
		this.#leaving = true;
		if (!this.socket.destroyed) this.socket.end(quitLine);
		const timer = setTimeout(() => this.socket.destroy(), 2000);
		await this.closed;
		clearTimeout(timer);
	}
}

/** Logs in every name with at most `inFlight` logins at a time (ngircd's listen backlog is 10). */
/** Lets a caller stop logInAll early: logins in flight finish, no new ones start. */
export type LoginHalt = {halted: boolean};

export async function logInAll(
	port: number,
	face: RelayFace,
	names: readonly string[],
	inFlight: number,
	halt: LoginHalt = {halted: false},
): Promise<BenchUser[]> {
	const users: BenchUser[] = [];
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < names.length && !halt.halted; index = next++) {
			// By index, so users[i] is names[i] however the logins interleave.
			users[index] = await BenchUser.logIn(port, face, names[index] ?? '');
		}
	};
	try {
		await Promise.all(Array.from({length: Math.min(inFlight, names.length)}, worker));
	} catch (error) {
		next = names.length;
		for (const user of users) user?.socket.destroy();
		throw error;
	}
	// A halt leaves the names after the last login unused.
	return users.filter((user) => user !== undefined);
}

export async function leaveAll(users: readonly BenchUser[], face: RelayFace): Promise<void> {
	await Promise.all(users.map((user) => user.leave(face.quit())));
}
