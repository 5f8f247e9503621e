// One cluster for the cluster rows: a redis-server of its own and three hosts (A, B, C) from this
// checkout, or from a `--baseline DIR` one (its own tsx and dependencies, as contenders.ts runs a
// baseline host), or of bare relays (bare-cluster-relay.ts, the floor of a relay through Redis),
// with a watcher on A that says when A knows some names. `--profile-host` writes
// CPU profiles of hosts A and B to bench/results/.
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startRedis} from '../test/helpers/redis-server.js';
import {watchHost} from './cluster-watch.js';
import {startNodeServer, type RunningServer} from './running-server.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const RESULTS_DIRECTORY = here('results');

/** A host of the cluster, with what waits until host A knows some names. */
type ClusterPeer = {server: RunningServer; known(names: string[]): Promise<void>};

export type BenchCluster = {
	/** How its rows name it: '' for this checkout, 'baseline ' for the other, 'bare relays: '. */
	readonly label: string;
	/** Bare relays, not `chat host`s. */
	readonly bare: boolean;
	readonly redisUrl: string;
	readonly a: RunningServer;
	readonly b: ClusterPeer;
	stop(): Promise<void>;
};

export type BenchClusterOptions = {
	/** A checkout of other code to run the hosts from; this one when undefined. */
	checkout?: string;
	/** Bare relays through Redis (bare-cluster-relay.ts) instead of `chat host`s: the floor. */
	bare?: boolean;
	profile?: boolean;
	/** Names the watcher logs in with. */
	watcherName: string;
};

export async function startBenchCluster(options: BenchClusterOptions): Promise<BenchCluster> {
	const {checkout, profile = false, bare = false} = options;
	const script = bare
		? here('bare-cluster-relay.ts')
		: checkout === undefined
			? here('host-process.ts')
			: path.join(checkout, 'bench', 'host-process.ts');
	const label = bare ? 'bare relays: ' : checkout === undefined ? '' : 'baseline ';
	const profileFlags = ['--cpu-prof', '--cpu-prof-dir', RESULTS_DIRECTORY];
	if (profile) mkdirSync(RESULTS_DIRECTORY, {recursive: true});
	const redis = await startRedis();
	const hosts: RunningServer[] = [];
	const stop = async () => {
		await Promise.all(hosts.map(async (host) => host.stop()));
		await redis.stop();
	};

	try {
		for (const letter of ['A', 'B', 'C']) {
			const nodeFlags = profile && letter !== 'C' ? profileFlags : [];
			hosts.push(
				await startNodeServer(script, [redis.url], `${label}cluster host ${letter}`, {
					nodeFlags,
					cwd: checkout,
				}),
			);
		}

		const [a, b] = hosts as [RunningServer, RunningServer];
		// A bare relay's login answers once its name is in Redis, so every host knows it then.
		const watcher = bare ? undefined : await watchHost(a.port, options.watcherName);
		return {
			label,
			bare,
			redisUrl: redis.url,
			a,
			b: {server: b, known: async (names) => watcher?.known(names)},
			async stop() {
				watcher?.close();
				await stop();
			},
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
