// The two password attacks of issue 13, against a running host: many parallel connections from one
// address guessing for a while, and one wrong try followed by a storm of connections that send a
// password and hang up, after which the right password is timed until it gets in.
import net from 'node:net';
import {BENCH_PASSWORD} from './password-host.js';

/** A guesser refused unchecked (its address's line is full) waits this long before its next try, so
 * the load generator does not run out of ports; the line stays full, so verdicts are not slowed. */
const BUSY_RETRY_MS = 50;

/** How long the right password may keep trying after a storm before the bench gives up. */
const RIGHT_PASSWORD_DEADLINE_MS = 180_000;

/** Connects to the host on loopback; undefined when the connection failed. */
async function connect(port: number): Promise<net.Socket | undefined> {
	const socket = net.connect({port, host: '127.0.0.1'});
	return new Promise((resolve) => {
		socket.once('connect', () => {
			resolve(socket);
		});
		socket.once('error', () => {
			resolve(undefined);
		});
	});
}

/** The first line the host sends, or undefined if the socket closes first. */
async function firstLine(socket: net.Socket): Promise<string | undefined> {
	return new Promise((resolve) => {
		let seen = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => {
			seen += chunk;
			const end = seen.indexOf('\n');
			if (end !== -1) resolve(seen.slice(0, end));
		});
		socket.on('error', () => {});
		socket.once('close', () => {
			resolve(undefined);
		});
	});
}

/** The code of a `REFUSED code :reason` line, `welcome`, or `closed`. */
function outcomeOf(line: string | undefined): string {
	if (line === undefined) return 'closed';
	if (line.startsWith('WELCOME ')) return 'welcome';
	return /^REFUSED (\S+)/.exec(line)?.[1] ?? line;
}

export type GuessingResult = {
	/** `password-wrong` answers received within the window. */
	verdicts: number;
	/** Every other outcome (password-busy, login-timeout, too-many-connections …), counted. */
	others: Map<string, number>;
};

function count(result: GuessingResult, outcome: string): void {
	result.others.set(outcome, (result.others.get(outcome) ?? 0) + 1);
}

async function pause(ms: number): Promise<void> {
	await new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

/** `connections` guessers, each trying a new wrong password as soon as the last one is answered. */
export async function parallelGuessing(
	port: number,
	connections: number,
	windowMs: number,
): Promise<GuessingResult> {
	const result: GuessingResult = {verdicts: 0, others: new Map()};
	const end = performance.now() + windowMs;
	const open = new Set<net.Socket>();
	const stop = setTimeout(() => {
		for (const socket of open) socket.destroy();
	}, windowMs);
	let guess = 0;
	const guesser = async (): Promise<void> => {
		while (performance.now() < end) {
			const socket = await connect(port);
			if (socket === undefined) {
				count(result, 'connect-failed');
				await pause(BUSY_RETRY_MS);
				continue;
			}

			open.add(socket);
			socket.write(`HELLO 1 mallory password=guess-${guess++}\n`);
			const outcome = outcomeOf(await firstLine(socket));
			open.delete(socket);
			socket.destroy();
			if (performance.now() > end) break;
			if (outcome === 'password-wrong') result.verdicts++;
			else count(result, outcome);
			if (outcome === 'password-busy') await pause(BUSY_RETRY_MS);
		}
	};

	await Promise.all(Array.from({length: connections}, guesser));
	clearTimeout(stop);
	return result;
}

export type StormResult = {
	/** From the storm's last hang-up to the right password's WELCOME; undefined: it never got in. */
	rightPasswordMs: number | undefined;
	/** Tries the right password needed (each refused one is tried again at once). */
	rightPasswordTries: number;
};

/** One wrong try, then `storm` connections at once that each send a password and hang up. */
export async function hangUpStorm(port: number, storm: number): Promise<StormResult> {
	const wrong = await connect(port);
	if (wrong === undefined) throw new Error('could not connect for the wrong try');
	wrong.write('HELLO 1 mallory password=guess\n');
	const answer = outcomeOf(await firstLine(wrong));
	if (answer !== 'password-wrong') throw new Error(`the wrong try got ${answer}`);
	await Promise.all(
		Array.from({length: storm}, async () => {
			const socket = await connect(port);
			socket?.end('HELLO 1 mallory password=guess\n');
			socket?.on('error', () => {});
		}),
	);
	const stormEnd = performance.now();
	let tries = 0;
	while (performance.now() - stormEnd < RIGHT_PASSWORD_DEADLINE_MS) {
		tries++;
		const socket = await connect(port);
		if (socket === undefined) {
			await pause(BUSY_RETRY_MS);
			continue;
		}

		socket.write(`HELLO 1 alice password=${BENCH_PASSWORD}\n`);
		const outcome = outcomeOf(await firstLine(socket));
		socket.destroy();
		if (outcome === 'welcome') {
			return {rightPasswordMs: performance.now() - stormEnd, rightPasswordTries: tries};
		}
	}

	return {rightPasswordMs: undefined, rightPasswordTries: tries};
}
