// The built `chat host` of a checkout (this one, or another with `--host-dir DIR`) in its own
// process, exactly as users run it, optionally under a lower open-file limit (`ulimit -n`).
// For the by-hand runs that watch the host's memory and descriptors (connection-abuse.ts,
// churn-soak.ts); the process itself is started as the tests start theirs.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {spawnBuiltHost} from '../test/helpers/spawn-built-host.js';

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

/** A soak runs for hours: only the tail of what the host logs is kept. */
const MAX_KEPT_CHARS = 200_000;
const START_DEADLINE_MS = 10_000;

export async function startCliHost(
	checkout: string,
	args: readonly string[],
	openFiles?: number,
): Promise<CliHost> {
	const cli = path.join(checkout, 'dist', 'cli.js');
	if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build in ${checkout}`);
	const host = await spawnBuiltHost(cli, args, {
		openFiles,
		maxKeptChars: MAX_KEPT_CHARS,
		startDeadlineMs: START_DEADLINE_MS,
	});
	return {
		port: host.port,
		pid: host.pid,
		stderr: host.stderr,
		exitCode: host.exitCode,
		async stop() {
			await host.stop();
		},
	};
}
