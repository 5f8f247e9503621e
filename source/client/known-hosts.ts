// Trust on first use, like SSH's known_hosts (docs/protocol.md "TLS"): the SHA-256 fingerprint of
// each host's certificate, per host:port, in ~/.config/chat/known_hosts. The first connection
// pins it; a later one with another fingerprint is refused, because that is what an interceptor
// looks like.

import {appendFile, mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {chatConfigDir} from '../config-dir.js';
import {formatHostLabel} from './closing-sentences.js';
import type {HostAddress} from './open-socket.js';

const KNOWN_HOSTS_FILE = 'known_hosts';

export function defaultKnownHostsPath(): string {
	return path.join(chatConfigDir(), KNOWN_HOSTS_FILE);
}

/** How a host is named in the file: `host:port`, lower case, IPv6 in brackets. */
export function knownHostKey(address: HostAddress): string {
	return formatHostLabel({host: address.host.toLowerCase(), port: address.port});
}

/** `host:port fingerprint` lines; `#` comments and blank lines are skipped; the first entry wins. */
export function parseKnownHosts(text: string): Map<string, string> {
	const pins = new Map<string, string>();
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const [key, fingerprint] = line.split(/\s+/);
		if (key === undefined || fingerprint === undefined) continue;
		if (!pins.has(key)) pins.set(key, fingerprint.toUpperCase());
	}

	return pins;
}

type PinCheck = {kind: 'known'} | {kind: 'new'} | {kind: 'changed'; pinned: string};

export function checkPin(pins: Map<string, string>, key: string, fingerprint: string): PinCheck {
	const pinned = pins.get(key);
	if (pinned === undefined) return {kind: 'new'};
	return pinned === fingerprint.toUpperCase() ? {kind: 'known'} : {kind: 'changed', pinned};
}

/** The warning for a changed certificate: both fingerprints and the line to delete. */
export function changedCertificateWarning(
	key: string,
	pinned: string,
	presented: string,
	file: string,
): string {
	return (
		`WARNING: the certificate of ${key} has changed, so chat did not connect: ` +
		`it was ${pinned} and now it is ${presented}. ` +
		`Someone may be intercepting the connection. If the host made a new certificate on purpose ` +
		`(ask its owner to compare the fingerprint), delete the line for ${key} in ${file} and join again.`
	);
}

export async function readKnownHosts(file: string): Promise<Map<string, string>> {
	try {
		return parseKnownHosts(await readFile(file, 'utf8'));
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
		throw error;
	}
}

/** Adds a pin; the file and its folder are made readable by the owner only. */
export async function addKnownHost(file: string, key: string, fingerprint: string): Promise<void> {
	await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	await appendFile(file, `${key} ${fingerprint.toUpperCase()}\n`, {mode: 0o600});
}

/** Said once, when a host is pinned for the first time, so the user can compare with the host's. */
export function pinnedNotice(key: string, fingerprint: string, file: string): string {
	return `trusted ${key} on first use: its certificate's SHA-256 fingerprint ${fingerprint} is now pinned in ${file}`;
}
