// Several hosts on port 0 sharing one real redis-server (helpers/redis-server.ts), in this
// process, for the cluster tests; each keeps its log lines for the test to read.
//
//   const cluster = await startCluster(t, 3, {clusterHostTtlMs: 1000});
//   const alice = await loginStructured(cluster.hosts[0].port, 'alice');

import type {TestContext} from 'node:test';
import type {HostOptions} from '../../source/host/host-options.js';
import {startHost, type RunningHost} from '../../source/host/start-host.js';
import {startRedis, type RedisServer} from './redis-server.js';

/** How long a poll-until waits before the test fails. */
const UNTIL_DEADLINE_MS = 10_000;
const UNTIL_EVERY_MS = 10;

/** A short lease, so a killed host is found within a test's patience. */
export const TEST_HOST_TTL_MS = 1000;

export type TestClusterHost = RunningHost & {readonly logs: string[]};

export type TestCluster = {
	readonly redis: RedisServer;
	readonly hosts: TestClusterHost[];
	/** The host at `index`, in the order they started. */
	host(index: number): TestClusterHost;
	/** One more host of the cluster. */
	addHost(options?: HostOptions): Promise<TestClusterHost>;
};

export async function startCluster(
	t: TestContext,
	count: number,
	options: HostOptions = {},
): Promise<TestCluster> {
	const redis = await startRedis();
	const hosts: TestClusterHost[] = [];
	t.after(async () => {
		for (const host of hosts) await host.close();
		await redis.stop();
	});
	const addHost = async (extra: HostOptions = {}): Promise<TestClusterHost> => {
		const logs: string[] = [];
		const host = await startHost({
			port: 0,
			bind: '127.0.0.1',
			redis: redis.url,
			clusterHostTtlMs: TEST_HOST_TTL_MS,
			loginRate: 0,
			...options,
			...extra,
			log(line) {
				logs.push(line);
			},
		});
		const member = Object.assign(host, {logs});
		hosts.push(member);
		return member;
	};

	for (let index = 0; index < count; index++) await addHost();
	const host = (index: number): TestClusterHost => {
		const found = hosts[index];
		if (found === undefined) throw new Error(`no host ${index} in the cluster`);
		return found;
	};

	return {redis, hosts, host, addHost};
}

/** Polls `ready` until it returns true, failing the test with `what` after the deadline. */
export async function until(ready: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + UNTIL_DEADLINE_MS;
	while (!ready()) {
		if (Date.now() > deadline)
			throw new Error(`${UNTIL_DEADLINE_MS} ms passed waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, UNTIL_EVERY_MS));
	}
}

/** Waits until every host knows `count` users (its own and the other hosts'). */
export async function untilUsers(hosts: readonly RunningHost[], count: number): Promise<void> {
	await until(
		() => hosts.every((host) => host.stats().users === count),
		`every host to know ${count} users (now ${hosts.map((host) => host.stats().users).join(', ')})`,
	);
}
