// The relays under test and how the load generator talks to each.
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startNgircd} from './ngircd-server.js';
import {facesByName, type FaceName, type RelayFace} from './relay-faces.js';
import {startNodeServer, type RunningServer} from './running-server.js';

/** `baseline`: the same host run from another checkout (`--baseline DIR`), to compare a change. */
export type RelayKind = 'host' | 'baseline' | 'ngircd' | 'bare';

export type Contender = {
	key: 'plain' | 'structured' | 'baseline-plain' | 'baseline-structured' | 'ngircd' | 'bare';
	label: string;
	relay: RelayKind;
	faceName: FaceName;
	face: RelayFace;
};

const CONTENDERS: readonly Contender[] = [
	{key: 'plain', label: 'chat host, plain', relay: 'host', faceName: 'plain'},
	{key: 'structured', label: 'chat host, structured', relay: 'host', faceName: 'structured'},
	{key: 'ngircd', label: 'ngircd (PRIVMSG)', relay: 'ngircd', faceName: 'irc'},
	{key: 'bare', label: 'bare Node relay', relay: 'bare', faceName: 'bare'},
].map(
	(contender) => ({...contender, face: facesByName[contender.faceName as FaceName]}) as Contender,
);

const BASELINE_CONTENDERS: readonly Contender[] = [
	{key: 'baseline-plain', label: 'baseline host, plain', relay: 'baseline', faceName: 'plain'},
	{
		key: 'baseline-structured',
		label: 'baseline host, structured',
		relay: 'baseline',
		faceName: 'structured',
	},
].map(
	(contender) => ({...contender, face: facesByName[contender.faceName as FaceName]}) as Contender,
);

/** The contenders, with each baseline right after the host face it is compared with, so the two
 * run back to back in every round. */
export function contendersWith(baselineDir: string | undefined): readonly Contender[] {
	if (baselineDir === undefined) return CONTENDERS;
	return CONTENDERS.flatMap((contender) => {
		const twin = BASELINE_CONTENDERS.find((each) => each.key === `baseline-${contender.key}`);
		return twin ? [contender, twin] : [contender];
	});
}

/** The key of the host contender a baseline contender is compared with, and back. */
export function baselineTwin(key: Contender['key']): Contender['key'] | undefined {
	if (key === 'plain' || key === 'structured') return `baseline-${key}`;
	return undefined;
}

/** Logins in flight at once: ngircd's listen backlog is 10; Node's is 511. */
export function loginsInFlight(relay: RelayKind): number {
	return relay === 'ngircd' ? 8 : 64;
}

export type RelayOptions = {profile?: boolean; baselineDir?: string};

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const RESULTS_DIRECTORY = here('results');

export async function startRelay(
	relay: RelayKind,
	{profile = false, baselineDir}: RelayOptions = {},
): Promise<RunningServer> {
	if (relay === 'ngircd') return startNgircd();
	if (relay === 'bare') return startNodeServer(here('bare-relay.ts'), [], 'the bare relay');
	const nodeFlags = ['--expose-gc'];
	if (profile) {
		mkdirSync(RESULTS_DIRECTORY, {recursive: true});
		nodeFlags.push('--cpu-prof', '--cpu-prof-dir', RESULTS_DIRECTORY);
	}
	if (relay === 'baseline') {
		if (baselineDir === undefined) throw new Error('a baseline host needs --baseline DIR');
		// Its own checkout's tsx and dependencies, so it runs exactly as that code did.
		return startNodeServer(
			path.join(baselineDir, 'bench', 'host-process.ts'),
			[],
			'baseline host',
			{
				nodeFlags,
				garbageCollectable: true,
				cwd: baselineDir,
			},
		);
	}
	return startNodeServer(here('host-process.ts'), [], 'chat host', {
		nodeFlags,
		garbageCollectable: true,
	});
}

export function serverFor(servers: Map<RelayKind, RunningServer>, relay: RelayKind): RunningServer {
	const server = servers.get(relay);
	if (!server) throw new Error(`no ${relay} relay was started`);
	return server;
}

/** Starts one relay of each kind the contenders need; `stop` ends them all. */
export async function startRelays(
	contenders: readonly Contender[],
	relayOptions: RelayOptions = {},
): Promise<{servers: Map<RelayKind, RunningServer>; stop: () => Promise<void>}> {
	const servers = new Map<RelayKind, RunningServer>();
	const stop = async () => {
		await Promise.all([...servers.values()].map((server) => server.stop()));
	};
	try {
		for (const contender of contenders) {
			if (!servers.has(contender.relay)) {
				servers.set(contender.relay, await startRelay(contender.relay, relayOptions));
			}
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return {servers, stop};
}
