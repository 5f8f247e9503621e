// The DELIVERED a sender is owed for a stored message handed on while the sender was offline
// (docs/protocol.md "Messages for someone offline"). Handing a message on removes it and, when
// its sender is owed a receipt, records one in the same commit; a login takes the sender's.

import type {CommitBatcher} from './commit-batcher.js';
import type {SqliteDatabase} from './open-store-file.js';

export type DeliveryReceipt = {
	/** The message's id, decimal. */
	id: string;
	/** nameKey(sender). */
	senderKey: string;
	senderRef: string;
	/** When the host accepted the message, ms since the epoch. */
	time: number;
};

type Row = {id: string; sender_key: string; sender_ref: string; time: number};

const COLUMNS = 'CAST(id AS TEXT) AS id, sender_key, sender_ref, time';

export class DeliveryReceipts {
	readonly #batcher: CommitBatcher;
	readonly #deleteMessage;
	readonly #insert;
	readonly #forSender;
	readonly #delete;
	readonly #expire;

	constructor(db: SqliteDatabase, batcher: CommitBatcher) {
		this.#batcher = batcher;
		this.#deleteMessage = db.prepare<[bigint]>('DELETE FROM waiting_messages WHERE id = ?');
		this.#insert = db.prepare<[bigint, string, string, number]>(
			'INSERT INTO delivery_receipts VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
		);
		this.#forSender = db.prepare<[string], Row>(
			`SELECT ${COLUMNS} FROM delivery_receipts WHERE sender_key = ? ORDER BY id`,
		);
		this.#delete = db.prepare<[bigint]>('DELETE FROM delivery_receipts WHERE id = ?');
		this.#expire = db.prepare<[number]>('DELETE FROM delivery_receipts WHERE time < ?');
	}

	/** The message was handed on: it stops waiting and, if given, its sender is owed `receipt`. */
	handedOn(id: string, receipt?: DeliveryReceipt): Promise<void> {
		const key = BigInt(id);
		return this.#batcher.write(() => {
			this.#deleteMessage.run(key);
			if (receipt) this.#insert.run(key, receipt.senderKey, receipt.senderRef, receipt.time);
		});
	}

	/** The receipts a sender is owed, oldest first. */
	owedTo(senderKey: string): DeliveryReceipt[] {
		return this.#forSender.all(senderKey).map((row) => ({
			id: row.id,
			senderKey: row.sender_key,
			senderRef: row.sender_ref,
			time: row.time,
		}));
	}

	/** The sender was told: the receipts are settled. */
	settle(ids: readonly string[]): Promise<void> {
		const keys = ids.map((id) => BigInt(id));
		return this.#batcher.write(() => {
			for (const key of keys) this.#delete.run(key);
		});
	}

	/** Drops receipts for messages accepted before `cutoffMs`, as old as an expired message. */
	expireOlderThan(cutoffMs: number): Promise<number> {
		return this.#batcher.write(() => this.#expire.run(cutoffMs).changes);
	}
}
