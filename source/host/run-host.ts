// `chat host`: starts the relay, prints where it listens and how to join, logs to stderr, and on
// SIGINT/SIGTERM tells every client and stops with exit code 0.

import os from 'node:os';
import process from 'node:process';
import {EXIT_FAILURE} from '../exit-codes.js';
import {chatStateDir} from '../state-dir.js';
import {accessNotice} from './access-notice.js';
import {readHostIdentity} from './host-identity.js';
import {type HostOptions, resolveHostOptions} from './host-options.js';
import {joinCommands} from './lan-addresses.js';
import {startHost} from './start-host.js';

export type RunHostOptions = Omit<HostOptions, 'log' | 'createServer'> & {
	/** The data folder (--data): the host identity is kept there; chatStateDir() unless given. */
	dataDir?: string | undefined;
	stdout?: NodeJS.WritableStream;
	stderr?: NodeJS.WritableStream;
};

const unknownBind = (_port: number, bind: string) =>
	`${bind} is neither an address nor a known name; check --bind`;

/** Errors a person can meet when starting, as one sentence each. */
const LISTEN_ERRORS: Record<string, (port: number, bind: string) => string> = {
	EADDRINUSE: (port) => `port ${port} is already in use; pick another with --port`,
	EACCES: (port) => `this user may not listen on port ${port}; pick one above 1023 with --port`,
	EADDRNOTAVAIL: (_port, bind) => `${bind} is not an address of this machine; check --bind`,
	// A name that does not resolve: EAI_AGAIN where no DNS server answers at all.
	ENOTFOUND: unknownBind,
	EAI_AGAIN: unknownBind,
};

export async function runHost(options: RunHostOptions = {}): Promise<number> {
	const {stdout = process.stdout, stderr = process.stderr, dataDir, ...hostOptions} = options;
	const log = (line: string): void => {
		stderr.write(`${new Date().toISOString()} ${line}\n`);
	};

	let host;
	try {
		// Clients pin this identity (docs/protocol.md "Identity"): it must outlive a restart.
		const hostIdentity = hostOptions.hostIdentity ?? readHostIdentity(dataDir ?? chatStateDir());
		host = await startHost({...hostOptions, hostIdentity, log});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		const {port, bind} = resolveHostOptions(hostOptions);
		const explain = LISTEN_ERRORS[code];
		stderr.write(`chat host: ${explain ? explain(port, bind) : (error as Error).message}\n`);
		return EXIT_FAILURE;
	}

	stdout.write(`chat host is listening on ${host.address}:${host.port}\n`);
	stdout.write('Others can join with:\n');
	for (const command of joinCommands(host.address, host.port, os.networkInterfaces())) {
		stdout.write(`  ${command}${hostOptions.tls ? ' --tls' : ''}\n`);
	}

	for (const line of accessNotice(hostOptions)) stdout.write(`${line}\n`);

	stdout.write('Stop it with Ctrl+C.\n');
	const signal = await new Promise<string>((resolve) => {
		process.once('SIGINT', () => resolve('SIGINT'));
		process.once('SIGTERM', () => resolve('SIGTERM'));
	});
	log(`${signal}: shutting down`);
	await host.close();
	log('stopped');
	return 0;
}
