// Trust on first use of a host's identity (docs/protocol.md "Identity"), the sibling of
// known-hosts.ts for hosts without TLS: the identity each host:port showed first, in
// ~/.config/chat/known_host_ids. The client signs only the identity it expects, so a host that
// forwards another host's challenge gets nothing it can use there.

import {appendFile, mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {chatConfigDir} from '../config-dir.js';

const KNOWN_HOST_IDS_FILE = 'known_host_ids';

export function defaultKnownHostIdsPath(): string {
	return path.join(chatConfigDir(), KNOWN_HOST_IDS_FILE);
}

/** `host:port id` lines; `#` comments and blank lines are skipped; the first entry wins. */
function parseKnownHostIds(text: string): Map<string, string> {
	const ids = new Map<string, string>();
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const [key, id] = line.split(/\s+/);
		if (key !== undefined && id !== undefined && !ids.has(key)) ids.set(key, id);
	}

	return ids;
}

export async function readKnownHostIds(file: string): Promise<Map<string, string>> {
	try {
		return parseKnownHostIds(await readFile(file, 'utf8'));
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
		throw error;
	}
}

/** Adds an identity; the file and its folder are made readable by the owner only. */
export async function addKnownHostId(file: string, key: string, id: string): Promise<void> {
	await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	await appendFile(file, `${key} ${id}\n`, {mode: 0o600});
}

/** The warning for a host whose identity changed: what it was, what it is, the line to delete. */
export function changedHostIdWarning(
	key: string,
	pinned: string,
	shown: string,
	file: string,
): string {
	return (
		`WARNING: the identity of the host at ${key} has changed, so chat did not log in: ` +
		`it was ${pinned} and now it is ${shown}. Another host may be answering in its place. ` +
		`If the host was set up again on purpose (ask its owner), delete the line for ${key} in ${file} and join again.`
	);
}
