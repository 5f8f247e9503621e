// The real `chat join` binary (dist/cli.js) in a pseudo-terminal against a host on loopback, as
// users run it: what it writes can be waited for, keys typed, and it quits with Ctrl+C.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import {deferred, withDeadline} from './deferred.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** This checkout's built `chat`; a baseline checkout's is passed in (`--baseline DIR`). */
export const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXIT_DEADLINE_MS = 5000;
const CTRL_C = '\u0003';
/** What a wait matches against: the latest output, enough for a status bar and a line or two. */
const SCREEN_TAIL_CHARS = 4096;
/** A config folder for this run's joins: they share one key, and pin the run's hosts nowhere lasting. */
const CONFIG_DIR = mkdtempSync(path.join(os.tmpdir(), 'chat-bench-config-'));
process.once('exit', () => {
	rmSync(CONFIG_DIR, {recursive: true, force: true});
});

export type PtyJoin = {
	/** The process id of chat join itself (node running dist/cli.js). */
	pid: number;
	/** performance.now() when it was spawned. */
	startedAt: number;
	/** Resolves with performance.now() at the output that first matches `pattern`. */
	waitFor(pattern: RegExp, what: string, ms: number): Promise<number>;
	type(data: string): void;
	/** Ctrl+C, then a kill if it has not gone within a few seconds. */
	quit(): Promise<void>;
};

/** Starts `chat join NAME@127.0.0.1:PORT ...args` (of the built `cli`) in a 120x40 pseudo-terminal. */
export function spawnJoin(
	port: number,
	name: string,
	env: NodeJS.ProcessEnv,
	args: readonly string[] = [],
	cli: string = CLI,
): PtyJoin {
	const startedAt = performance.now();
	const terminal = pty.spawn(
		process.execPath,
		[cli, 'join', ...args, `${name}@127.0.0.1:${port}`],
		{
			name: 'xterm-256color',
			cols: 120,
			rows: 40,
			cwd: ROOT,
			// Its own identity and pinned host ids, never the user's config folder.
			env: {...env, XDG_CONFIG_HOME: CONFIG_DIR},
		},
	);
	const exited = deferred();
	const waits = new Set<{pattern: RegExp; resolve: (at: number) => void}>();
	let screen = '';
	terminal.onData((data) => {
		screen = (screen + data).slice(-SCREEN_TAIL_CHARS);
		for (const wait of waits) {
			if (wait.pattern.test(screen)) wait.resolve(performance.now());
		}
	});
	terminal.onExit(() => {
		exited.resolve();
		for (const wait of waits) wait.resolve(Number.NaN);
	});
	return {
		pid: terminal.pid,
		startedAt,
		async waitFor(pattern, what, ms) {
			const seen = deferred<number>();
			const wait = {pattern, resolve: seen.resolve};
			waits.add(wait);
			try {
				const at = await withDeadline(seen.promise, ms, what).catch((error: unknown) => {
					throw new Error(
						`${(error as Error).message}; the screen ended with:\n${JSON.stringify(screen.slice(-800))}`,
					);
				});
				if (Number.isNaN(at)) throw new Error(`chat join exited before ${what}:\n${screen}`);
				return at;
			} finally {
				waits.delete(wait);
			}
		},
		type(data) {
			terminal.write(data);
		},
		async quit() {
			terminal.write(CTRL_C);
			await withDeadline(exited.promise, EXIT_DEADLINE_MS, 'chat join quitting').catch(() => {
				terminal.kill();
			});
		},
	};
}
