// `chat host`: starts the relay, prints where it listens and how to join on stdout (the banner),
// logs to stderr (one stamped line per event), and on SIGINT/SIGTERM tells every client and
// stops with exit code 0. Either stream may be closed by its reader; the host keeps serving.

import os from 'node:os';
import process from 'node:process';
import {EXIT_FAILURE, EXIT_STORE} from '../exit-codes.js';
import {chatStateDir} from '../state-dir.js';
import {accessNotice} from './access-notice.js';
import {redisUrlForLog} from './cluster/redis-url.js';
import {readHostIdentity} from './host-identity.js';
import {type HostOptions, resolveHostOptions} from './host-options.js';
import {candidateHosts, hostAndPort, joinCommand} from './lan-addresses.js';
import {formatLogTime} from './log-time.js';
import {outputLines} from './output-lines.js';
import {reachableHosts} from './reachable-hosts.js';
import {startHost} from './start-host.js';
import {openDurableStore, type DurableStore} from './store/durable-store.js';
import {StoreOpenError} from './store/store-errors.js';

export type RunHostOptions = Omit<HostOptions, 'log' | 'createServer' | 'store'> & {
	/** The folder of the store and the host identity (`--data`); default chatStateDir(). */
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
	EAFNOSUPPORT: (_port, bind) =>
		`${bind} is an IPv6 address and this machine has no IPv6; check --bind`,
	// A name that does not resolve: EAI_AGAIN where no DNS server answers at all.
	ENOTFOUND: unknownBind,
	EAI_AGAIN: unknownBind,
};

export async function runHost(options: RunHostOptions = {}): Promise<number> {
	const {
		stdout = process.stdout,
		stderr = process.stderr,
		dataDir = chatStateDir(),
		...hostOptions
	} = options;
	const print = outputLines(stdout);
	const say = outputLines(stderr);
	const log = (line: string): void => {
		say(`${formatLogTime(new Date())} ${line}`);
	};

	let store: DurableStore;
	try {
		store = openDurableStore({dir: dataDir});
	} catch (error) {
		if (!(error instanceof StoreOpenError)) throw error;
		say(`chat host: ${error.message}`);
		return EXIT_STORE;
	}

	let host;
	try {
		// Clients pin this identity (docs/protocol.md "Identity"): it must outlive a restart.
		const hostIdentity = hostOptions.hostIdentity ?? readHostIdentity(dataDir);
		host = await startHost({...hostOptions, store, hostIdentity, log});
	} catch (error) {
		await store.close();
		const code = (error as NodeJS.ErrnoException).code ?? '';
		const {port, bind} = resolveHostOptions(hostOptions);
		const explain = LISTEN_ERRORS[code];
		say(`chat host: ${explain ? explain(port, bind) : (error as Error).message}`);
		return EXIT_FAILURE;
	}

	// Listened for before the addresses are tried, so a Ctrl+C meanwhile still stops it cleanly.
	const stopSignal = new Promise<string>((resolve) => {
		process.once('SIGINT', () => resolve('SIGINT'));
		process.once('SIGTERM', () => resolve('SIGTERM'));
	});
	print(`chat host is listening on ${hostAndPort(host.address, host.port)}`);
	const candidates = candidateHosts(host.address, os.networkInterfaces());
	const reachable = await reachableHosts(candidates, host.port);
	if (reachable.length === 0) {
		print(`No address of this machine accepted a test connection on port ${host.port}:`);
		print("check the firewall, then join with this machine's name or address.");
	} else {
		print('Others can join with:');
		for (const joinHost of reachable) {
			print(`  ${joinCommand(joinHost, host.port)}${hostOptions.tls ? ' --tls' : ''}`);
		}
	}

	for (const line of accessNotice(hostOptions)) print(line);
	if (hostOptions.redis === undefined) {
		print(`Name owners and messages for people offline are kept in ${dataDir}`);
	} else {
		// A cluster keeps them in Redis (docs/cluster.md); the folder keeps what clients pin.
		print(`It shares one chat with every host on ${redisUrlForLog(hostOptions.redis)}.`);
		print(
			`Name owners and messages for people offline are kept there; this host's identity in ${dataDir}`,
		);
	}

	print('Stop it with Ctrl+C.');
	const signal = await stopSignal;
	log(`${signal}: shutting down`);
	await host.close();
	// What is queued is committed before the file closes.
	await store.close();
	log('stopped');
	return 0;
}
