// Checkpoints off the relay's thread. SQLite copies the write-ahead log back into the file every
// so often (a checkpoint: thousands of pages and an fsync, tens of milliseconds); done by a commit
// on the main thread, that would stall live relaying. Here a worker thread with its own connection
// checkpoints every CHECKPOINT_INTERVAL_MS while the host's commits go on appending to the log.
// Should the worker fail, the main connection checkpoints for itself again, as SQLite does by
// default, so the log never grows without bound.

import {createRequire} from 'node:module';
import {Worker} from 'node:worker_threads';
import type {SqliteDatabase} from './open-store-file.js';
import {STORE_BUSY_TIMEOUT_MS} from './store-limits.js';

/**
 * How often the worker checkpoints: at 10,000 stored messages a second the log then holds about
 * a second of commits, a few megabytes.
 */
export const CHECKPOINT_INTERVAL_MS = 1000;

/** SQLite's own default: a checkpoint once the log passes this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

// Code, not a file: the worker then runs the same way from source (tsx) and from the bundle.
const WORKER_CODE = `
const {workerData} = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, {timeout: workerData.busyTimeoutMs});
setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
`;

export type Checkpointer = {stop(): Promise<void>};

/** Starts checkpointing `file` in a worker; the main connection stops checkpointing itself. */
export function startCheckpointWorker(db: SqliteDatabase): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	db.pragma('wal_autocheckpoint = 0');
	const worker = new Worker(WORKER_CODE, {
		eval: true,
		workerData: {
			driver,
			file: db.name,
			busyTimeoutMs: STORE_BUSY_TIMEOUT_MS,
			intervalMs: CHECKPOINT_INTERVAL_MS,
		},
	});
	// A checkpointer is no reason for the host to stay up.
	worker.unref();
	let stopped = false;
	const fallBack = () => {
		if (!stopped && db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
	};
	worker.once('error', fallBack);
	worker.once('exit', fallBack);
	return {
		async stop() {
			stopped = true;
			await worker.terminate();
		},
	};
}
