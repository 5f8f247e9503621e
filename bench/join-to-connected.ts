// The time from starting the real `chat join` binary in a pseudo-terminal to the first frame
// that says "connected", against a running host on loopback.
import {CLI, spawnJoin} from './pty-join.js';

const CONNECT_DEADLINE_MS = 15_000;

/** "connected" but not "disconnected"; the status bar colours it, so escapes may surround it. */
export const CONNECTED = /(?<!dis)connected/;

export type JoinTimes = {
	/** Spawn to the first byte on the terminal: process start-up and module loading. */
	firstOutputMs: number;
	/** Spawn to a frame that says "connected". */
	connectedMs: number;
};

/** Times the real `chat join` (the built `cli`) from spawning it to a frame that says "connected". */
export async function timeJoinToConnected(
	port: number,
	name: string,
	env: NodeJS.ProcessEnv = process.env,
	cli: string = CLI,
): Promise<JoinTimes> {
	const join = spawnJoin(port, name, env, [], cli);
	try {
		// Its deadline never outlives a failed connect as an unhandled rejection.
		const firstOutput = join
			.waitFor(/./s, 'chat join', CONNECT_DEADLINE_MS)
			.catch(() => Number.NaN);
		const connected = await join.waitFor(CONNECTED, 'chat join', CONNECT_DEADLINE_MS);
		return {
			firstOutputMs: (await firstOutput) - join.startedAt,
			connectedMs: connected - join.startedAt,
		};
	} finally {
		await join.quit();
	}
}
