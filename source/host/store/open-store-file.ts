// Opening the store's SQLite file: the data folder (mode 0700) and the file (0600) made if
// missing, write-ahead logging, the schema checked and migrated, the pages checked, and every
// problem turned into one sentence (StoreOpenError) for the host to print before it exits.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {StoreOpenError} from './store-errors.js';
import {codeOf, storeFailureOf} from './store-failures.js';
import {STORE_BUSY_TIMEOUT_MS} from './store-limits.js';
import {MIGRATIONS, SCHEMA_VERSION, STORE_APPLICATION_ID} from './store-schema.js';

export type SqliteDatabase = Database.Database;

/** The file in the data folder; SQLite keeps `-wal` and `-shm` beside it, with its mode. */
export const STORE_FILE_NAME = 'store.sqlite';

/**
 * What a commit survives once its promise resolves. `process-kill` (the default): `kill -9`, a
 * crash or an out-of-memory kill of the host, since the commit is in the write-ahead log in the
 * kernel's page cache; a power cut or a kernel crash may lose the last commits, though the store
 * still opens. `power-loss`: also those, at the cost of an fsync per commit.
 */
export type StoreDurability = 'process-kill' | 'power-loss';

const SYNCHRONOUS: Record<StoreDurability, string> = {
	'process-kill': 'NORMAL',
	'power-loss': 'FULL',
};

export type StoreFileOptions = {
	durability: StoreDurability;
	/** A cap on the file's size (none by default): past it, writes fail with `store-full`. */
	maxStoreBytes?: number;
};

/** Opens (creating if need be) the store in `dir`; throws StoreOpenError, one sentence. */
export function openStoreFile(dir: string, options: StoreFileOptions): SqliteDatabase {
	const file = path.join(dir, STORE_FILE_NAME);
	let db: SqliteDatabase | undefined;
	try {
		fs.mkdirSync(dir, {recursive: true, mode: 0o700});
		// Made here, before SQLite makes it with the umask's mode, so it is the owner's only.
		fs.closeSync(fs.openSync(file, 'a', 0o600));
		db = new Database(file, {timeout: STORE_BUSY_TIMEOUT_MS});
		const journal = db.pragma('journal_mode = WAL', {simple: true});
		if (journal !== 'wal') {
			throw new StoreOpenError(
				`cannot keep a write-ahead log for the store ${file} (the folder may be on a network file system): choose a local folder with --data DIR`,
			);
		}

		db.pragma(`synchronous = ${SYNCHRONOUS[options.durability]}`);
		migrate(db, file);
		checkPages(db, file);
		if (options.maxStoreBytes !== undefined) {
			const pageBytes = Number(db.pragma('page_size', {simple: true}));
			db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxStoreBytes / pageBytes))}`);
		}

		return db;
	} catch (error) {
		db?.close();
		throw openErrorOf(error, dir, file);
	}
}

/** Brings the schema up to SCHEMA_VERSION, in one transaction, refusing a file that is not ours. */
function migrate(db: SqliteDatabase, file: string): void {
	const run = db.transaction(() => {
		const applicationId = db.pragma('application_id', {simple: true});
		const version = Number(db.pragma('user_version', {simple: true}));
		const fresh = applicationId === 0 && version === 0;
		const tables = db.prepare('SELECT count(*) AS tables FROM sqlite_schema').pluck().get();
		if ((fresh && tables !== 0) || (!fresh && applicationId !== STORE_APPLICATION_ID)) {
			throw new StoreOpenError(
				`${file} is not a chat store (another program's database): choose another folder with --data DIR`,
			);
		}

		if (version > SCHEMA_VERSION) {
			throw new StoreOpenError(
				`${file} was written by a newer chat (store version ${version}, this one reads up to ${SCHEMA_VERSION}): run that version again`,
			);
		}

		for (const migration of MIGRATIONS.slice(version)) db.exec(migration);
		if (fresh) db.pragma(`application_id = ${STORE_APPLICATION_ID}`);
		if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
	});
	// Immediate: two processes opening a new store at once cannot both run the migrations.
	run.immediate();
}

/** Reads every page once, so a damaged file is found now, not by a message later. */
function checkPages(db: SqliteDatabase, file: string): void {
	const verdict = db.pragma('quick_check', {simple: true});
	if (verdict !== 'ok') throw damaged(file, String(verdict));
}

function damaged(file: string, detail: string): StoreOpenError {
	return new StoreOpenError(
		`the store ${file} is damaged (${detail}): move it aside with its -wal file to start with an empty store, or put back a copy`,
	);
}

function openErrorOf(error: unknown, dir: string, file: string): StoreOpenError {
	if (error instanceof StoreOpenError) return error;
	const code = codeOf(error) ?? 'unknown error';
	switch (storeFailureOf(error)) {
		case 'store-damaged': {
			return damaged(file, (error as Error).message);
		}

		case 'store-full': {
			return new StoreOpenError(
				`the disk holding ${dir} is full (${code}): free some space, or choose another folder with --data DIR`,
			);
		}

		case 'store-busy': {
			return new StoreOpenError(
				`the store ${file} is locked by another program (${code}): stop it, or choose another folder with --data DIR`,
			);
		}

		case 'store-unwritable': {
			return new StoreOpenError(
				`cannot write the store in ${dir} (${code}): it must be a folder you can write to, or choose another with --data DIR`,
			);
		}

		default: {
			return new StoreOpenError(`cannot open the store ${file} (${code}): ${oneLine(error)}`);
		}
	}
}

function oneLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
