// The time from starting the real `chat join` binary in a pseudo-terminal to the first frame
// that says "connected", against a running host on loopback.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import {deferred, withDeadline} from './deferred.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CONNECT_DEADLINE_MS = 15_000;
const EXIT_DEADLINE_MS = 5000;
const CTRL_C = '\u0003';
/** "connected" but not "disconnected"; the status bar colours it, so escapes may surround it. */
const CONNECTED = /(?<!dis)connected/;

export type JoinTimes = {
	/** Spawn to the first byte on the terminal: process start-up and module loading. */
	firstOutputMs: number;
	/** Spawn to a frame that says "connected". */
	connectedMs: number;
};

/** Times the real `chat join` from spawning it to a frame that says "connected". */
export async function timeJoinToConnected(
	port: number,
	name: string,
	env: NodeJS.ProcessEnv = process.env,
): Promise<JoinTimes> {
	const started = performance.now();
	const terminal = pty.spawn(process.execPath, [CLI, 'join', `${name}@127.0.0.1:${port}`], {
		name: 'xterm-256color',
		cols: 120,
		rows: 40,
		cwd: ROOT,
		env,
	});
	const connected = deferred<number>();
	const exited = deferred();
	let screen = '';
	let firstOutputMs = Number.NaN;
	terminal.onData((data) => {
		if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started;
		screen = (screen + data).slice(-4096);
		if (CONNECTED.test(screen)) connected.resolve(performance.now());
	});
	terminal.onExit(() => {
		exited.resolve();
		connected.resolve(Number.NaN);
	});
	try {
		const at = await withDeadline(connected.promise, CONNECT_DEADLINE_MS, 'chat join').catch(
			(error: unknown) => {
				throw new Error(
					`${(error as Error).message}; the screen ended with:\n${JSON.stringify(screen.slice(-800))}`,
				);
			},
		);
		if (Number.isNaN(at)) throw new Error(`chat join exited before it connected:\n${screen}`);
		return {firstOutputMs, connectedMs: at - started};
	} finally {
		terminal.write(CTRL_C);
		await withDeadline(exited.promise, EXIT_DEADLINE_MS, 'chat join quitting').catch(() => {
			terminal.kill();
		});
	}
}
