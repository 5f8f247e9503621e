// Starts the real relay in-process on 127.0.0.1 and a free port, for integration tests.
//
//   const host = await startTestHost({loginTimeoutMs: 100});
//   … connectRaw(host.port) …
//   await host.stop();

import {startHost, type RunningHost} from '../../source/host/start-host.js';
import type {HostOptions} from '../../source/host/host-options.js';

export type TestHost = RunningHost & {
	/** Stops the host (clients get the shutdown line) and waits until every socket is closed. */
	stop(): Promise<void>;
	/** The host's log lines so far (logins, logouts, refusals). */
	log: string[];
};

export async function startTestHost(options: HostOptions = {}): Promise<TestHost> {
	const log: string[] = [];
	const host = await startHost({
		log: (line) => log.push(line),
		...options,
		port: 0,
		bind: '127.0.0.1',
	});
	return Object.assign(host, {stop: () => host.close(), log});
}
