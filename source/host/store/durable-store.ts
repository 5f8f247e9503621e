// The host's embedded durable store (issue 9): name owners and waiting messages in one SQLite
// file, written through one commit batcher, so all writes of a tick share one commit. Opening is
// synchronous and throws StoreOpenError (one sentence); see the modules it ties together.

import {startCheckpointWorker} from './checkpoint-worker.js';
import {DeliveryReceipts} from './delivery-receipts.js';
import {CommitBatcher, type CommitObserver, type TransactionEngine} from './commit-batcher.js';
import {NameBindings, type NameBinding} from './name-bindings.js';
import {openStoreFile, type SqliteDatabase, type StoreDurability} from './open-store-file.js';
import {DEFAULT_RETENTION_DAYS, expiryCutoff, type RetentionDays} from './store-limits.js';
import {WaitingMessages, type WaitingMessage} from './waiting-messages.js';

export type DurableStoreOptions = {
	/** The data folder, e.g. chatStateDir(); made (mode 0700) if missing. */
	dir: string;
	durability?: StoreDurability;
	/** A cap on the store file's size; past it writes fail with `store-full`. None by default. */
	maxStoreBytes?: number;
	onCommit?: CommitObserver;
};

export type DurableStore = {
	readonly names: NameBindings;
	readonly messages: WaitingMessages;
	readonly receipts: DeliveryReceipts;
	/** Writes waiting for their commit. */
	readonly pendingWrites: number;
	/** Drops messages and releases names older than `days` (a daily sweep); what went. */
	expireStale(
		nowMs: number,
		days?: RetentionDays,
	): Promise<{messages: WaitingMessage[]; names: NameBinding[]}>;
	/** Commits what is queued, then closes the file; later writes fail with `store-closed`. */
	close(): Promise<void>;
};

export function openDurableStore(options: DurableStoreOptions): DurableStore {
	const db = openStoreFile(options.dir, {
		durability: options.durability ?? 'process-kill',
		maxStoreBytes: options.maxStoreBytes,
	});
	const checkpointer = startCheckpointWorker(db);
	const batcher = new CommitBatcher(sqliteTransactions(db), {onCommit: options.onCommit});
	const names = new NameBindings(db, batcher);
	const messages = new WaitingMessages(db, batcher);
	const receipts = new DeliveryReceipts(db, batcher);
	return {
		names,
		messages,
		receipts,
		get pendingWrites() {
			return batcher.pending;
		},
		async expireStale(nowMs, days = DEFAULT_RETENTION_DAYS) {
			// Messages first: a released name's messages go with it anyway.
			const cutoff = expiryCutoff(nowMs, days.messages);
			const [expiredMessages, expiredNames] = await Promise.all([
				messages.expireOlderThan(cutoff),
				names.expireUnusedSince(expiryCutoff(nowMs, days.names)),
				receipts.expireOlderThan(cutoff),
			]);
			return {messages: expiredMessages, names: expiredNames};
		},
		async close() {
			batcher.close();
			await checkpointer.stop();
			// The last connection to go checkpoints the log into the file and deletes it.
			db.close();
		},
	};
}

function sqliteTransactions(db: SqliteDatabase): TransactionEngine {
	const begin = db.prepare('BEGIN IMMEDIATE');
	const commit = db.prepare('COMMIT');
	const rollback = db.prepare('ROLLBACK');
	return {
		begin: () => begin.run(),
		commit: () => commit.run(),
		rollback: () => rollback.run(),
		get inTransaction() {
			return db.inTransaction;
		},
	};
}
