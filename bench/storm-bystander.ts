// A structured user who only watches during the login storm: it counts the presence lines it is
// sent (JOIN, LEAVE, AWAY, BACK and roster lines) and times the messages that reach it. On a slow
// link (`bytesPerSecond`) it takes at most that many bytes a second from its socket, so the rest
// waits in the kernel's buffers and the host's queue, as it would behind a slow network.
import net from 'node:net';
import {LineScanner} from './line-scanner.js';

/** How often a slow reader takes its share of bytes: small steps keep the rate even. */
const READ_STEP_MS = 50;

const PRESENCE = /^(?:JOIN|LEAVE|AWAY|BACK|USERS|USERS-END)(?: |$)/;
/** `MSG id time from to ref :sent <ms>`: the text carries its send time. */
const TIMED_MSG = / :sent (\d+)$/;

export type Bystander = {
	readonly socket: net.Socket;
	/** Presence and roster lines received since the last call. */
	takePresenceCount(): number;
	/** Latency in ms of each timed message received, in order of arrival. */
	readonly latencies: number[];
	/** Lines of any other kind that were not expected (BYE, ERROR …). */
	readonly surprises: string[];
	close(): void;
};

export async function connectBystander(
	port: number,
	name: string,
	bytesPerSecond?: number,
): Promise<Bystander> {
	const socket = net.connect({port, host: '127.0.0.1'});
	let presence = 0;
	const latencies: number[] = [];
	const surprises: string[] = [];
	let welcomed: () => void = () => {};
	const loggedIn = new Promise<void>((resolve) => {
		welcomed = resolve;
	});
	const scanner = new LineScanner((buffer, start, end) => {
		const line = buffer.toString('utf8', start, end);
		if (PRESENCE.test(line)) {
			presence++;
			if (line === 'USERS-END') welcomed();
			return;
		}

		const timed = TIMED_MSG.exec(line);
		if (timed?.[1] !== undefined) latencies.push(Date.now() - Number(timed[1]));
		else if (!line.startsWith('WELCOME ') && !line.startsWith('PING ')) surprises.push(line);
	});
	socket.on('error', () => {});
	let timer: NodeJS.Timeout | undefined;
	if (bytesPerSecond === undefined) {
		socket.on('data', (chunk: Buffer) => {
			scanner.push(chunk);
		});
	} else {
		// Paused mode: Node stops reading from the kernel once its own small buffer is full.
		const stepBytes = Math.max(1, Math.round((bytesPerSecond * READ_STEP_MS) / 1000));
		socket.pause();
		timer = setInterval(() => {
			const take = Math.min(stepBytes, socket.readableLength);
			if (take === 0) {
				socket.read(0);
				return;
			}

			const chunk = socket.read(take) as Buffer | null;
			if (chunk !== null) scanner.push(chunk);
		}, READ_STEP_MS);
	}

	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	socket.write(`HELLO 1 ${name}\n`);
	await loggedIn;
	return {
		socket,
		takePresenceCount() {
			const count = presence;
			presence = 0;
			return count;
		},
		latencies,
		surprises,
		close() {
			clearInterval(timer);
			socket.destroy();
		},
	};
}
