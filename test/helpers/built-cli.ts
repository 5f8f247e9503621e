// The built `chat` binary, as users run it. `npm test` builds before the tests run; a test run
// on its own after a change needs `npm run build` first (the assertion below says so).
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

export const projectRoot = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

export const builtCli = path.join(projectRoot, 'dist', 'cli.js');

/** The argv for `node` that runs `chat ...args` from the build. */
export function chatArgs(...args: string[]): string[] {
	assert.ok(existsSync(builtCli), 'dist/cli.js is missing: run npm run build first');
	return [builtCli, ...args];
}

const configDirs: string[] = [];
process.once('exit', () => {
	for (const dir of configDirs) rmSync(dir, {recursive: true, force: true});
});

/**
 * The environment for one `chat join` of a test: config, data and state folders of its own, so it
 * has a key of its own (another machine's, say), pins test hosts, whose ports come again, and
 * keeps its history nowhere lasting, never in the real home, and never shared with another test.
 */
export function ownConfigEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'chat-config-'));
	configDirs.push(dir);
	return {
		...process.env,
		XDG_CONFIG_HOME: path.join(dir, 'config'),
		XDG_DATA_HOME: path.join(dir, 'data'),
		XDG_STATE_HOME: path.join(dir, 'state'),
		...extra,
	};
}

export type HostProcess = {
	port: number;
	/** The host's process id (to read its memory from /proc). */
	pid: number;
	/** Everything the host printed so far. */
	stdout(): string;
	stderr(): string;
	/** Resolves with the exit code once the process has ended. */
	exited: Promise<number | null>;
	/** Sends SIGTERM and waits for the exit code. */
	stop(): Promise<number | null>;
};

/** Runs the built `chat host` on 127.0.0.1 and a free port, resolving once it says where it listens. */
export async function startHostProcess(...args: string[]): Promise<HostProcess> {
	return startHostUnder(undefined, args);
}

/** The same under `ulimit -n openFiles` (both limits, so Node cannot raise its soft one). */
export async function startHostProcessWithOpenFiles(
	openFiles: number,
	...args: string[]
): Promise<HostProcess> {
	return startHostUnder(openFiles, args);
}

async function startHostUnder(openFiles: number | undefined, args: string[]): Promise<HostProcess> {
	const argv = chatArgs('host', '--port', '0', '--bind', '127.0.0.1', ...args);
	const child =
		openFiles === undefined
			? spawn(process.execPath, argv, {stdio: ['ignore', 'pipe', 'pipe'], env: ownStateDir()})
			: spawn(
					'bash',
					['-c', `ulimit -n ${openFiles} && exec "$0" "$@"`, process.execPath, ...argv],
					{stdio: ['ignore', 'pipe', 'pipe'], env: ownStateDir()},
				);
	let stdout = '';
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exited = new Promise<number | null>((resolve) => {
		child.once('exit', (code) => {
			resolve(code);
		});
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
			if (match && stdout.includes('chat join NAME@127.0.0.1:')) resolve(Number(match[1]));
		});
		child.once('exit', () => {
			reject(new Error(`chat host exited early: ${stderr}`));
		});
	});
	return {
		port,
		pid: child.pid ?? 0,
		stdout: () => stdout,
		stderr: () => stderr,
		exited,
		async stop() {
			child.kill('SIGTERM');
			return exited;
		},
	};
}

/** Each host process keeps its store in a folder of its own (removed by the OS's tmp cleanup),
 * so hosts started side by side never share one. */
function ownStateDir(): NodeJS.ProcessEnv {
	return {...process.env, XDG_STATE_HOME: mkdtempSync(path.join(os.tmpdir(), 'chat-state-'))};
}
