// The relays under test and how the load generator talks to each.
import {mkdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {startNgircd} from './ngircd-server.js';
import {facesByName, type FaceName, type RelayFace} from './relay-faces.js';
import {startNodeServer, type RunningServer} from './running-server.js';

export type RelayKind = 'host' | 'ngircd' | 'bare';

export type Contender = {
	key: 'plain' | 'structured' | 'ngircd' | 'bare';
	label: string;
	relay: RelayKind;
	faceName: FaceName;
	face: RelayFace;
};

export const CONTENDERS: readonly Contender[] = [
	{key: 'plain', label: 'chat host, plain', relay: 'host', faceName: 'plain'},
	{key: 'structured', label: 'chat host, structured', relay: 'host', faceName: 'structured'},
	{key: 'ngircd', label: 'ngircd (PRIVMSG)', relay: 'ngircd', faceName: 'irc'},
	{key: 'bare', label: 'bare Node relay', relay: 'bare', faceName: 'bare'},
].map(
	(contender) => ({...contender, face: facesByName[contender.faceName as FaceName]}) as Contender,
);

/** Logins in flight at once: ngircd's listen backlog is 10; Node's is 511. */
export function loginsInFlight(relay: RelayKind): number {
	return relay === 'ngircd' ? 8 : 64;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
export const RESULTS_DIRECTORY = here('results');

export async function startRelay(relay: RelayKind, profile = false): Promise<RunningServer> {
	if (relay === 'ngircd') return startNgircd();
	if (relay === 'bare') return startNodeServer(here('bare-relay.ts'), [], 'the bare relay');
	const nodeFlags = ['--expose-gc'];
	if (profile) {
		mkdirSync(RESULTS_DIRECTORY, {recursive: true});
		nodeFlags.push('--cpu-prof', '--cpu-prof-dir', RESULTS_DIRECTORY);
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
	profileHost = false,
): Promise<{servers: Map<RelayKind, RunningServer>; stop: () => Promise<void>}> {
	const servers = new Map<RelayKind, RunningServer>();
	const stop = async () => {
		await Promise.all([...servers.values()].map((server) => server.stop()));
	};
	try {
		for (const contender of contenders) {
			if (!servers.has(contender.relay)) {
				servers.set(contender.relay, await startRelay(contender.relay, profileHost));
			}
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return {servers, stop};
}
