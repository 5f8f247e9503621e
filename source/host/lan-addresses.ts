// The addresses others on the LAN can reach this host at, for the join hint `chat host` prints.

import type {NetworkInterfaceInfo} from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

/** Non-internal IPv4 addresses first, then non-internal IPv6; `localhost` if there is none. */
export function lanAddresses(interfaces: Interfaces): string[] {
	const v4: string[] = [];
	const v6: string[] = [];
	for (const entries of Object.values(interfaces)) {
		for (const entry of entries ?? []) {
			if (entry.internal) continue;
			if (entry.family === 'IPv4') v4.push(entry.address);
			// Link-local IPv6 needs a zone id no one types; leave it out.
			else if (!entry.address.startsWith('fe80:')) v6.push(entry.address);
		}
	}

	const all = [...v4, ...v6];
	return all.length > 0 ? all : ['localhost'];
}

/** The exact `chat join` commands to print: for `bind` itself, or every LAN address. */
export function joinCommands(bind: string, port: number, interfaces: Interfaces): string[] {
	const hosts = ANY_ADDRESS.has(bind) ? lanAddresses(interfaces) : [bind];
	return hosts.map((host) => `chat join NAME@${host.includes(':') ? `[${host}]` : host}:${port}`);
}
