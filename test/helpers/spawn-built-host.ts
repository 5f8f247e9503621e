// A built `chat host` (a checkout's dist/cli.js) in its own process on 127.0.0.1 and a free port,
// exactly as users run it, optionally under a lower open-file limit. Shared by the tests
// (built-cli.ts) and the by-hand bench runs (bench/cli-host.ts), which say which cli.js.
import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

export type BuiltHost = {
	port: number;
	pid: number;
	/** What the host printed so far (with `maxKeptChars`, the tail). */
	stdout(): string;
	stderr(): string;
	/** Undefined until the process has ended by itself or been stopped. */
	exitCode(): number | null | undefined;
	/** Resolves with the exit code once the process has ended. */
	exited: Promise<number | null>;
	/** Sends SIGTERM, as Ctrl+C would, unless it has ended already, and waits for the exit code. */
	stop(): Promise<number | null>;
};

export type BuiltHostOptions = {
	/** Runs it under `ulimit -n openFiles`. */
	openFiles?: number;
	/** Keeps only the tail of stdout and stderr, for a host that runs for long. */
	maxKeptChars?: number;
	/** Fails when the host has not said where it listens by then; none: the caller's own deadline. */
	startDeadlineMs?: number;
};

/** Resolves once the host has printed where it listens and how to join it. */
export async function spawnBuiltHost(
	cli: string,
	args: readonly string[],
	options: BuiltHostOptions = {},
): Promise<BuiltHost> {
	const {openFiles, maxKeptChars, startDeadlineMs} = options;
	const argv = [cli, 'host', '--port', '0', '--bind', '127.0.0.1', ...args];
	// `ulimit -n` sets both limits, so Node (which raises the soft limit to the hard one) keeps it.
	const child =
		openFiles === undefined
			? spawn(process.execPath, argv, {stdio: ['ignore', 'pipe', 'pipe'], env: ownStateDir()})
			: spawn(
					'bash',
					['-c', `ulimit -n ${openFiles} && exec "$0" "$@"`, process.execPath, ...argv],
					{stdio: ['ignore', 'pipe', 'pipe'], env: ownStateDir()},
				);
	const keep = (kept: string, chunk: string) =>
		maxKeptChars === undefined ? kept + chunk : (kept + chunk).slice(-maxKeptChars);
	let stdout = '';
	let stderr = '';
	let exitCode: number | null | undefined;
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr = keep(stderr, chunk);
	});
	const exited = new Promise<number | null>((resolve) => {
		child.once('exit', (code) => {
			exitCode = code;
			resolve(code);
		});
	});
	const port = await new Promise<number>((resolve, reject) => {
		const timer =
			startDeadlineMs === undefined
				? undefined
				: setTimeout(() => {
						reject(new Error(`chat host did not start within ${startDeadlineMs} ms: ${stderr}`));
					}, startDeadlineMs);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout = keep(stdout, chunk);
			const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
			if (match && stdout.includes('chat join NAME@127.0.0.1:')) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
		void exited.then(() => {
			clearTimeout(timer);
			reject(new Error(`chat host exited early: ${stderr}`));
		});
	});
	const {pid} = child;
	if (pid === undefined) throw new Error('chat host could not be started');
	return {
		port,
		pid,
		stdout: () => stdout,
		stderr: () => stderr,
		exitCode: () => exitCode,
		exited,
		async stop() {
			if (exitCode === undefined) child.kill('SIGTERM');
			return exited;
		},
	};
}

/** Each host process keeps its store in a folder of its own (removed by the OS's tmp cleanup),
 * so hosts started side by side never share one. */
function ownStateDir(): NodeJS.ProcessEnv {
	return {...process.env, XDG_STATE_HOME: mkdtempSync(path.join(os.tmpdir(), 'chat-state-'))};
}
