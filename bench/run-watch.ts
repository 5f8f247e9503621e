// Waiting for a run to finish while watching for the ways it can go wrong.
import type {BenchUser} from './bench-user.js';
import type {RunningServer} from './running-server.js';

/** A run that makes no progress for this long has lost messages. */
const STALL_MS = 10_000;
const WATCH_INTERVAL_MS = 250;

/** Waits for `done`; returns why it gave up instead (a crash, a drop, a stall), if it did. */
export async function watch(
	done: Promise<void>,
	server: RunningServer,
	users: readonly BenchUser[],
	progress: () => number,
): Promise<string | undefined> {
	let last = progress();
	let lastChange = performance.now();
	let timer: NodeJS.Timeout | undefined;
	const trouble = new Promise<string>((resolve) => {
		timer = setInterval(() => {
			const crash = server.crash();
			const dropped = users.find((user) => user.dropped);
			if (crash) resolve(crash);
			else if (dropped) resolve(`${dropped.name} was dropped: ${dropped.dropped}`);
			else if (progress() !== last) {
				last = progress();
				lastChange = performance.now();
			} else if (performance.now() - lastChange > STALL_MS) resolve('no progress for 10 s');
		}, WATCH_INTERVAL_MS);
	});
	const outcome = await Promise.race([done.then(() => undefined), trouble]);
	clearInterval(timer);
	return outcome;
}
