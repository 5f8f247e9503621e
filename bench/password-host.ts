// `chat host --password` from a checkout (this one, or a baseline's), in its own process, run as a
// user would run it (`source/cli.tsx` under that checkout's own tsx), on loopback and a free port.
import {spawn} from 'node:child_process';
import {trackServer, type RunningServer} from './running-server.js';

/** The password the attacks know; every guess is something else. */
export const BENCH_PASSWORD = 'right-password';

/** How long a host may take to say where it listens (tsx compiles on the first start). */
const START_DEADLINE_MS = 30_000;

export async function startPasswordHost(
	checkout: string,
	label: string,
	extraFlags: readonly string[] = [],
): Promise<RunningServer> {
	const args = ['--import', 'tsx', 'source/cli.tsx', 'host', '--port', '0', '--bind', '127.0.0.1'];
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
