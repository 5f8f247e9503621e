// A relay under test, running as its own process so it never shares a CPU thread with the
// load generator.
import {spawn, type ChildProcess, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {withDeadline} from './deferred.js';

export type RunningServer = {
	readonly port: number;
	readonly pid: number;
	/** Set when the process ended while it should have been serving. */
	readonly crash: () => string | undefined;
	/** Resident memory of the server process, in bytes (Linux /proc). */
	readonly rssBytes: () => number;
	/** CPU time the server process used so far, in milliseconds (Linux /proc). */
	readonly cpuMs: () => number;
	/** Runs a full garbage collection in the server, when it can (a Node server started by us). */
	collectGarbage?: () => Promise<void>;
	stop(): Promise<void>;
};

const MAX_KEPT_OUTPUT_CHARS = 4000;
const STOP_GRACE_MS = 3000;
const GC_DEADLINE_MS = 10_000;

/** A /proc file of `pid`, or undefined once the process is gone (a crash is reported elsewhere). */
function readProc(pid: number, file: string): string | undefined {
	try {
		return readFileSync(`/proc/${pid}/${file}`, 'utf8');
	} catch {
		return undefined;
	}
}

function readRssBytes(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB/m.exec(readProc(pid, 'status') ?? '');
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

function readCpuMs(pid: number): number {
	const stat = readProc(pid, 'stat');
	if (stat === undefined) return Number.NaN;
	// Fields 14 and 15 of /proc/PID/stat are user and system time in clock ticks (100 per second).
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

const running = new Set<RunningServer>();

/** Stops every server still running (the bench was interrupted). */
export async function stopAllServers(): Promise<void> {
	await Promise.all([...running].map((server) => server.stop()));
}

/** Wraps a spawned server: keeps the tail of its output for error messages and notices a crash. */
export function trackServer(child: ChildProcess, port: number, label: string): RunningServer {
	const {pid} = child;
	if (pid === undefined) throw new Error(`${label} could not be started`);
	let output = '';
	let stopping = false;
	let crash: string | undefined;
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT_CHARS);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			if (!stopping)
				crash = `${label} exited (${signal ?? code}) during the run:\n${output.trim()}`;
			resolve();
		});
	});
	const server: RunningServer = {
		port,
		pid,
		crash: () => crash,
		rssBytes: () => readRssBytes(pid),
		cpuMs: () => readCpuMs(pid),
		async stop() {
			stopping = true;
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
			await exited;
			clearTimeout(timer);
		},
	};
	running.add(server);
	void exited.then(() => running.delete(server));
	return server;
}

export type NodeServerOptions = {
	/** Extra flags for the child's node (e.g. `--cpu-prof`). */
	nodeFlags?: string[];
	/** The script calls answerGarbageCollectionRequests (and runs under `--expose-gc`). */
	garbageCollectable?: boolean;
	/** Where the script runs (a baseline checkout, whose own tsx then loads it). */
	cwd?: string;
};

/** Starts a Node script that prints `listening <port>` on stdout once it serves. */
export async function startNodeServer(
	script: string,
	args: string[],
	label: string,
	{nodeFlags = [], garbageCollectable = false, cwd}: NodeServerOptions = {},
): Promise<RunningServer> {
	const child: ChildProcessWithoutNullStreams = spawn(
		process.execPath,
		[...nodeFlags, '--import', 'tsx', script, ...args],
		{stdio: ['pipe', 'pipe', 'pipe'], cwd},
	);
	const port = await new Promise<number>((resolve, reject) => {
		let seen = '';
		const onData = (chunk: Buffer) => {
			seen += chunk.toString();
			const match = /listening (\d+)/.exec(seen);
			if (match) {
				child.stdout.off('data', onData);
				resolve(Number(match[1]));
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk: Buffer) => (seen += chunk.toString()));
		child.once('exit', (code) =>
			reject(new Error(`${label} did not start (exit ${code}):\n${seen}`)),
		);
	});
	const server = trackServer(child, port, label);
	if (!garbageCollectable) return server;
	server.collectGarbage = async () => {
		const done = new Promise<void>((resolve) => {
			const onData = (chunk: Buffer) => {
				if (chunk.toString().includes('gc done')) {
					child.stdout.off('data', onData);
					resolve();
				}
			};
			child.stdout.on('data', onData);
		});
		child.stdin.write('gc\n');
		await withDeadline(done, GC_DEADLINE_MS, `${label} garbage collection`);
	};
	return server;
}

/**
 * For scripts started by startNodeServer under `--expose-gc`: a `gc` line on stdin runs a full
 * collection and answers `gc done`, so memory figures count live data, not garbage.
 */
export function answerGarbageCollectionRequests(): void {
	process.stdin.setEncoding('utf8');
	process.stdin.on('data', (chunk: string) => {
		if (!chunk.includes('gc')) return;
		(globalThis as {gc?: () => void}).gc?.();
		process.stdout.write('gc done\n');
	});
}
