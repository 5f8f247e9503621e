// Starts the real relay in-process on 127.0.0.1 and a free port, for integration tests.
//
//   const host = await startTestHost({loginTimeoutMs: 100});
//   … connectRaw(host.port) …
//   await host.stop();

import type {TestContext} from 'node:test';
import {startHost, type RunningHost} from '../../source/host/start-host.js';
import type {HostOptions} from '../../source/host/host-options.js';
import type {RawClient} from './raw-client.js';

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

/** A `Client` for each of `Names`, in their order. */
type OnePer<Names extends readonly string[], Client> = {[K in keyof Names]: Client};

/**
 * A test host with users logged in (through `login`, on either face), who are closed and the host
 * stopped after the test:
 *
 *   const [host, nc, carol] = await startHostWithUsers(t, loginPlain, ['nc', 'carol']);
 */
export async function startHostWithUsers<
	Client extends RawClient,
	const Names extends readonly string[],
>(
	t: TestContext,
	login: (port: number, name: string) => Promise<Client>,
	names: Names,
	options: HostOptions = {},
): Promise<[TestHost, ...OnePer<Names, Client>]> {
	const host = await startTestHost(options);
	const users: Client[] = [];
	for (const name of names) users.push(await login(host.port, name));
	t.after(async () => {
		for (const user of users) user.destroy();
		await host.stop();
	});
	// One login a name, in order: the tuple the names' type promises.
	return [host, ...users] as unknown as [TestHost, ...OnePer<Names, Client>];
}
