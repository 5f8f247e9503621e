// `chat names`: the host operator's view of who owns which name (docs/protocol.md "Identity"):
// the owned names with when each was last used and its key, and `release NAME` to free one. It
// opens the host's store in its data folder, which a running host may share, or with --redis the
// cluster's owners in Redis (docs/cluster.md), which its hosts read there at every login.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {EXIT_FAILURE} from '../exit-codes.js';
import {keyFingerprint, shortFingerprint} from '../protocol/key-fingerprint.js';
import {nameKey} from '../protocol/name-rules.js';
import {chatStateDir} from '../state-dir.js';
import type {NameOwner, NameOwners} from './relay/name-owners.js';
import {openDurableStore, type DurableStore} from './store/durable-store.js';
import {STORE_FILE_NAME} from './store/open-store-file.js';
import {StoreOpenError} from './store/store-errors.js';
import {StoreNameOwners} from './store/store-name-owners.js';

export type NamesCommand = {kind: 'list'} | {kind: 'release'; name: string};

type RunNamesOptions = {
	command: NamesCommand;
	/** The host's data folder; chatStateDir() unless given (--data). */
	dataDir?: string;
	/** A cluster's Redis (--redis, CHAT_REDIS_URL): its names instead of a folder's. */
	redis?: string;
	stdout?: NodeJS.WritableStream;
	stderr?: NodeJS.WritableStream;
};

/** Where the names are read: a host's store or a cluster's Redis. */
type NamesSource = {
	readonly owners: Pick<NameOwners, 'list' | 'release'>;
	/** Where, as the sentences say it: `on the host in DIR`, `in the cluster on URL`. */
	readonly where: string;
	close(): Promise<void>;
};

/** `2026-12-01 15:20 UTC`: minutes are enough to judge a name unused for months. */
function shownTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** One row per owned name, in columns: name, last seen, short key fingerprint. */
function ownerTable(owners: readonly NameOwner[]): string[] {
	const rows = [
		['NAME', 'LAST SEEN', 'KEY'],
		...owners.map((owner) => [
			owner.name,
			shownTime(owner.lastSeen),
			shortFingerprint(keyFingerprint(owner.publicKey)),
		]),
	];
	const width = (column: number) => Math.max(...rows.map((row) => (row[column] ?? '').length));
	const [nameWidth, timeWidth] = [width(0), width(1)];
	return rows.map(([name = '', time = '', key = '']) =>
		`${name.padEnd(nameWidth)}  ${time.padEnd(timeWidth)}  ${key}`.trimEnd(),
	);
}

export async function runNames(options: RunNamesOptions): Promise<number> {
	const {stdout = process.stdout, stderr = process.stderr} = options;
	const source =
		options.redis === undefined
			? openStoreNames(options.dataDir ?? chatStateDir())
			: await openClusterNames(options.redis);
	if (typeof source === 'string') {
		stderr.write(`chat names: ${source}\n`);
		return EXIT_FAILURE;
	}

	const {owners, where} = source;
	try {
		if (options.command.kind === 'list') {
			const list = await owners.list();
			if (list.length === 0) stdout.write(`no name is owned ${where} yet\n`);
			else for (const line of ownerTable(list)) stdout.write(line + '\n');
			return 0;
		}

		const {name} = options.command;
		const released = await owners.release(nameKey(name));
		if (released === undefined) {
			stderr.write(`chat names: nobody owns the name ${name} ${where}\n`);
			return EXIT_FAILURE;
		}

		stdout.write(
			`released ${released.name}: anyone may log in with it now, and its waiting messages are gone\n`,
		);
		return 0;
	} finally {
		await source.close();
	}
}

/** The store in `dir`, or why not as a sentence. */
function openStoreNames(dir: string): NamesSource | string {
	// Opening would make an empty store; a folder without one is more likely a wrong --data.
	if (!fs.existsSync(path.join(dir, STORE_FILE_NAME))) {
		return `there is no host store in ${dir}: start chat host there first, or give --data DIR`;
	}

	let store: DurableStore;
	try {
		store = openDurableStore({dir});
	} catch (error: unknown) {
		if (error instanceof StoreOpenError) return error.message;
		throw error;
	}

	return {
		owners: new StoreNameOwners(store.names, () => undefined),
		where: `on the host in ${dir}`,
		close: async () => store.close(),
	};
}

/** The owners in the cluster's Redis at `url`, or why not as a sentence. Loaded on demand, as
 * for chat host: without --redis the Redis client is never loaded. */
async function openClusterNames(url: string): Promise<NamesSource | string> {
	const [{RedisLink}, {RedisNameOwners}, {redisUrlForLog, unreachableRedis}] = await Promise.all([
		import('./cluster/redis-link.js'),
		import('./cluster/redis-name-owners.js'),
		import('./cluster/redis-url.js'),
	]);
	const link = new RedisLink(url, () => {});
	try {
		await link.connect({back() {}, lost() {}});
	} catch (error: unknown) {
		await link.close();
		return unreachableRedis(url, error);
	}

	return {
		owners: new RedisNameOwners(link),
		where: `in the cluster on ${redisUrlForLog(url)}`,
		close: async () => link.close(),
	};
}
