// Two users who keep chatting while a by-hand run attacks the host: a plain `alice` and a
// structured `bob` exchange a round trip every tick, and every round trip is timed. A drop or a
// stalled round trip is what the runs look for.
import {connectLines, type LineSocket} from './line-socket.js';

const TICK_MS = 100;
const ROUND_TRIP_DEADLINE_MS = 10_000;

export type ChatWatch = {
	readonly roundTrips: number[];
	readonly failures: string[];
	stop(): Promise<void>;
	/** "N round trips, slowest X ms, median Y ms, failures: …" */
	summary(): string;
};

export async function watchChat(port: number): Promise<ChatWatch> {
	const alice = await connectLines(port);
	alice.send('alice');
	await alice.waitFor(/^Welcome!$/, ROUND_TRIP_DEADLINE_MS);
	const bob = await connectLines(port);
	bob.send('HELLO 1 bob');
	await bob.waitFor(/^USERS-END$/, ROUND_TRIP_DEADLINE_MS);
	alice.send('to:bob');
	const roundTrips: number[] = [];
	const failures: string[] = [];
	let round = 0;
	let busy: Promise<void> | undefined;
	const tick = setInterval(() => {
		if (busy !== undefined) return;
		busy = roundTrip(alice, bob, round++, roundTrips, failures).finally(() => {
			busy = undefined;
		});
	}, TICK_MS);
	return {
		roundTrips,
		failures,
		async stop() {
			clearInterval(tick);
			await busy;
			alice.socket.destroy();
			bob.socket.destroy();
		},
		summary() {
			const sorted = [...roundTrips].sort((a, b) => a - b);
			const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
			const slowest = sorted.at(-1) ?? Number.NaN;
			return (
				`${roundTrips.length} round trips, median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms, ` +
				`failures: ${failures.length === 0 ? 'none' : failures.slice(0, 3).join('; ')}`
			);
		},
	};
}

async function roundTrip(
	alice: LineSocket,
	bob: LineSocket,
	n: number,
	times: number[],
	failures: string[],
): Promise<void> {
	if (alice.isClosed() || bob.isClosed()) {
		if (failures.length === 0) failures.push(`round ${n}: a chatting user was disconnected`);
		return;
	}

	const started = performance.now();
	try {
		alice.send(`ping ${n}`);
		await bob.waitFor(new RegExp(` alice bob - :ping ${n}$`), ROUND_TRIP_DEADLINE_MS);
		bob.send(`SEND r${n} alice :pong ${n}`);
		await alice.waitFor(new RegExp(` bob: pong ${n}$`), ROUND_TRIP_DEADLINE_MS);
		times.push(performance.now() - started);
	} catch (error) {
		failures.push(`round ${n}: ${(error as Error).message}`);
	}
}
