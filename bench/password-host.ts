// `chat host --password` from a checkout (this one, or a baseline's), in its own process, run as a
// user would run it (its command line's source under that checkout's own tsx), on loopback and a
// free port.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {trackServer, type RunningServer} from './running-server.js';

/** The password the attacks know; every guess is something else. */
export const BENCH_PASSWORD = 'right-password';

/** How long a host may take to say where it listens (tsx compiles on the first start). */
const START_DEADLINE_MS = 30_000;

/** Where a checkout keeps the source of `chat`: now, and before the command line had a folder, so
 * a baseline from before source/cli/ still runs. */
const CLI_ENTRIES = ['source/cli/chat.ts', 'source/cli.tsx'];

function cliEntryOf(checkout: string): string {
	const entry = CLI_ENTRIES.find((each) => existsSync(path.join(checkout, each)));
	if (entry === undefined) throw new Error(`${checkout}: no ${CLI_ENTRIES.join(' or ')}`);
	return entry;
}

export async function startPasswordHost(
	checkout: string,
	label: string,
	extraFlags: readonly string[] = [],
): Promise<RunningServer> {
	const entry = cliEntryOf(checkout);
	const args = ['--import', 'tsx', entry, 'host', '--port', '0', '--bind', '127.0.0.1'];
	const child = spawn(process.execPath, [...args, ...extraFlags], {
		cwd: checkout,
		// The host logs every refusal to stderr: thousands of lines here, so they are dropped.
		stdio: ['ignore', 'pipe', 'ignore'],
		env: {...process.env, CHAT_PASSWORD: BENCH_PASSWORD},
	});
	const port = await new Promise<number>((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`${label} did not say where it listens within ${START_DEADLINE_MS} ms`));
		}, START_DEADLINE_MS);
		child.stdout.on('data', (chunk: Buffer) => {
			seen += chunk.toString();
			const match = /listening on 127\.0\.0\.1:(\d+)/.exec(seen);
			if (match === null) return;
			clearTimeout(timer);
			resolve(Number(match[1]));
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${label} exited (${code}) before listening:\n${seen}`));
		});
	});
	return trackServer(child, port, label);
}
