// Starts collectable-host.ts in a child process: a real host over TCP whose memory a test can
// read after a full garbage collection.
//
//   const host = await startCollectableHost({floodDisconnectMs: 2000});
//   await host.collectGarbage();
//   residentBytes(host.pid)

import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import type {HostOptions} from '../../source/host/host-options.js';

const SCRIPT = fileURLToPath(new URL('collectable-host.ts', import.meta.url));
/** A child under tsx transpiles its host first: on a loaded 2-core machine that took over 10 s. */
const ANSWER_DEADLINE_MS = 30_000;

export type CollectableHost = {
	port: number;
	pid: number;
	/** Runs a full garbage collection in the host and resolves once it is done. */
	collectGarbage(): Promise<void>;
	stop(): Promise<void>;
};

/** The host's resident memory in bytes, from /proc. */
export function residentBytes(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error('no VmRSS in /proc status');
	return Number(match[1]) * 1024;
}

/** `source`: the checkout whose host runs (default this one; the bench compares two). */
export async function startCollectableHost(
	options: HostOptions = {},
	source = '',
): Promise<CollectableHost> {
	const child = spawn(
		process.execPath,
		['--expose-gc', '--import', 'tsx', SCRIPT, source, JSON.stringify(options)],
		{stdio: ['pipe', 'pipe', 'inherit']},
	);
	child.stdout.setEncoding('utf8');
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
	});
	/** Resolves with the first stdout text matching `pattern` from now on. */
	const answer = async (pattern: RegExp, what: string) =>
		new Promise<RegExpExecArray>((resolve, reject) => {
			let seen = '';
			const timer = setTimeout(() => {
				reject(new Error(`no ${what} from the host within ${ANSWER_DEADLINE_MS} ms`));
			}, ANSWER_DEADLINE_MS);
			const onData = (chunk: string) => {
				seen += chunk;
				const match = pattern.exec(seen);
				if (!match) return;
				clearTimeout(timer);
				child.stdout.off('data', onData);
				resolve(match);
			};

			child.stdout.on('data', onData);
		});
	const listening = await answer(/listening (\d+)\n/, 'port');
	const {pid} = child;
	if (pid === undefined) throw new Error('the host could not be started');
	return {
		port: Number(listening[1]),
		pid,
		async collectGarbage() {
			const done = answer(/gc done\n/, 'gc done');
			child.stdin.write('gc\n');
			await done;
		},
		async stop() {
			child.stdin.end();
			await exited;
		},
	};
}
