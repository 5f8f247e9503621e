// The time from starting the real `chat join` binary in a pseudo-terminal to the first frame
// that says "connected", against a running host on loopback.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
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

function newestModification(directory: string): number {
	let newest = 0;
	for (const entry of readdirSync(directory, {withFileTypes: true})) {
		const file = path.join(directory, entry.name);
		newest = Math.max(
			newest,
			entry.isDirectory() ? newestModification(file) : statSync(file).mtimeMs,
		);
	}
	return newest;
}

/** Builds dist/ when it is missing or older than source/, so the figure is of the current code. */
export function ensureBuilt(): void {
	const source = path.join(ROOT, 'source');
	if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestModification(source)) return;
	const result = spawnSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, stdio: 'inherit'});
	if (result.status !== 0) throw new Error('npm run build failed, so chat join could not be timed');
}

export type JoinTimes = {
	/** Spawn to the first byte on the terminal: process start-up and module loading. */
	firstOutputMs: number;
	/** Spawn to a frame that says "connected". */
	connectedMs: number;
};

/** Times the real `chat join` from spawning it to a frame that says "connected". */
export async function timeJoinToConnected(port: number, name: string): Promise<JoinTimes> {
	const started = performance.now();
	const terminal = pty.spawn(process.execPath, [CLI, 'join', `${name}@127.0.0.1:${port}`], {
		name: 'xterm-256color',
		cols: 120,
		rows: 40,
		cwd: ROOT,
		env: process.env,
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
