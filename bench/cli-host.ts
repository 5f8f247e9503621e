// The built `chat host` of a checkout (this one, or another with `--host-dir DIR`) in its own
// process, exactly as users run it, optionally under a lower open-file limit (`ulimit -n`).
// For the by-hand runs that watch the host's memory and descriptors (connection-abuse.ts,
// churn-soak.ts).
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

export type CliHost = {
	readonly port: number;
	readonly pid: number;
	/** What the host logged to stderr so far (the tail). */
	stderr(): string;
	/** Set once the host exited by itself. */
	exitCode(): number | null | undefined;
	/** Stops it with SIGTERM, as Ctrl+C would. */
	stop(): Promise<void>;
};

const MAX_KEPT_STDERR_CHARS = 200_000;
const START_DEADLINE_MS = 10_000;

export async function startCliHost(
	checkout: string,
	args: readonly string[],
	openFiles?: number,
): Promise<CliHost> {
	const cli = path.join(checkout, 'dist', 'cli.js');
	if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build in ${checkout}`);
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
	let stderr = '';
	let exitCode: number | null | undefined;
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr = (stderr + chunk).slice(-MAX_KEPT_STDERR_CHARS);
	});
	const exited = new Promise<void>((resolve) => {
		child.once('exit', (code) => {
			exitCode = code;
			resolve();
		});
	});
	const port = await new Promise<number>((resolve, reject) => {
		let stdout = '';
		const timer = setTimeout(() => {
			reject(new Error(`chat host did not start within ${START_DEADLINE_MS} ms: ${stderr}`));
		}, START_DEADLINE_MS);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
			if (match) {
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
		stderr: () => stderr,
		exitCode: () => exitCode,
		async stop() {
			if (exitCode === undefined) child.kill('SIGTERM');
			await exited;
		},
	};
}

/** Each host process keeps its store in a folder of its own (removed by the OS's tmp cleanup),
 * so hosts started side by side never share one. */
function ownStateDir(): NodeJS.ProcessEnv {
	return {...process.env, XDG_STATE_HOME: mkdtempSync(path.join(os.tmpdir(), 'chat-state-'))};
}
