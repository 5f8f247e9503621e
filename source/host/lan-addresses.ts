// The addresses others on the LAN may reach this host at, for the join hint `chat host` prints:
// only those of the families the host listens on (reachable-hosts.ts then tries each).

import type {NetworkInterfaceInfo} from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Every IPv6 and IPv4 interface (`::`, dual-stack), every IPv4 interface (`0.0.0.0`). */
const ANY_ADDRESS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
	['::', new Set(['IPv4', 'IPv6'])],
	['0.0.0.0', new Set(['IPv4'])],
	['', new Set(['IPv4', 'IPv6'])],
]);

/**
 * Non-internal IPv4 addresses first, then non-internal IPv6, of the families given; `localhost`
 * if there is none.
 */
export function lanAddresses(
	interfaces: Interfaces,
	families: ReadonlySet<string> = new Set(['IPv4', 'IPv6']),
): string[] {
	const v4: string[] = [];
	const v6: string[] = [];
	for (const entries of Object.values(interfaces)) {
		for (const entry of entries ?? []) {
			if (entry.internal || !families.has(entry.family)) continue;
			if (entry.family === 'IPv4') v4.push(entry.address);
			// Link-local IPv6 needs a zone id no one types; leave it out.
			else if (!entry.address.startsWith('fe80:')) v6.push(entry.address);
		}
	}

	const all = [...v4, ...v6];
	return all.length > 0 ? all : ['localhost'];
}

/** The hosts to offer for a host listening on `bound`: itself, or the LAN addresses it covers. */
export function candidateHosts(bound: string, interfaces: Interfaces): string[] {
	const families = ANY_ADDRESS.get(bound);
	return families === undefined ? [bound] : lanAddresses(interfaces, families);
}

/** `host:port`, an IPv6 address in brackets (`[fd00::2]:21567`), as `chat join` reads it. */
export function hostAndPort(host: string, port: number): string {
	return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The exact `chat join` commands to print: for `bind` itself, or every LAN address it covers. */
export function joinCommands(bind: string, port: number, interfaces: Interfaces): string[] {
	return candidateHosts(bind, interfaces).map((host) => joinCommand(host, port));
}

export function joinCommand(host: string, port: number): string {
	return `chat join NAME@${hostAndPort(host, port)}`;
}
