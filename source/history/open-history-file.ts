// Opening the history file: the data folder (0700) and the file (0600) made if missing,
// write-ahead logging (a kill mid-write leaves the last commit out, never a damaged file), the
// schema migrated, and every problem turned into one sentence (HistoryOpenError).

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {HISTORY_BUSY_TIMEOUT_MS} from './history-limits.js';
import {
	HISTORY_APPLICATION_ID,
	HISTORY_MIGRATIONS,
	HISTORY_SCHEMA_VERSION,
} from './history-schema.js';

export type HistoryDatabase = Database.Database;

const HISTORY_FILE_NAME = 'history.sqlite';

/** Why the history cannot be used, as one sentence for the person at the terminal. */
export class HistoryOpenError extends Error {}

export function historyFile(dir: string): string {
	return path.join(dir, HISTORY_FILE_NAME);
}

/** Opens the history in `dir`; `create: false` refuses a missing file (for `chat log`). */
export function openHistoryFile(dir: string, options: {create: boolean}): HistoryDatabase {
	const file = historyFile(dir);
	if (!options.create && !fs.existsSync(file)) {
		throw new HistoryOpenError(`there is no history in ${dir} yet`);
	}
	let db: HistoryDatabase | undefined;
	try {
		fs.mkdirSync(dir, {recursive: true, mode: 0o700});
		// Made here, before SQLite makes it with the umask's mode, so it is the owner's only.
		fs.closeSync(fs.openSync(file, 'a', 0o600));
		db = new Database(file, {timeout: HISTORY_BUSY_TIMEOUT_MS});
		if (db.pragma('journal_mode = WAL', {simple: true}) !== 'wal') {
			throw new HistoryOpenError(
				`cannot keep a write-ahead log for ${file} (a network file system?): set XDG_DATA_HOME to a local folder`,
			);
		}
		// A kill loses nothing committed; a power cut may lose the last second, never the file.
		db.pragma('synchronous = NORMAL');
		db.pragma('foreign_keys = ON');
		migrate(db, file);
		return db;
	} catch (error) {
		db?.close();
		if (error instanceof HistoryOpenError) throw error;
		const code = (error as {code?: string}).code ?? 'error';
		const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
		throw new HistoryOpenError(`cannot open the history ${file} (${code}): ${detail}`);
	}
}

function migrate(db: HistoryDatabase, file: string): void {
	const run = db.transaction(() => {
		const applicationId = db.pragma('application_id', {simple: true});
		const version = Number(db.pragma('user_version', {simple: true}));
		const fresh = applicationId === 0 && version === 0;
		const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
		if ((fresh && tables !== 0) || (!fresh && applicationId !== HISTORY_APPLICATION_ID)) {
			throw new HistoryOpenError(`${file} is not a chat history (another program's database)`);
		}
		if (version > HISTORY_SCHEMA_VERSION) {
			throw new HistoryOpenError(
				`${file} was written by a newer chat (history version ${version}, this one reads up to ${HISTORY_SCHEMA_VERSION})`,
			);
		}
		for (const migration of HISTORY_MIGRATIONS.slice(version)) db.exec(migration);
		if (fresh) db.pragma(`application_id = ${HISTORY_APPLICATION_ID}`);
		if (version < HISTORY_SCHEMA_VERSION) db.pragma(`user_version = ${HISTORY_SCHEMA_VERSION}`);
	});
	// Immediate: two clients opening a new file at once cannot both run the migrations.
	run.immediate();
}
