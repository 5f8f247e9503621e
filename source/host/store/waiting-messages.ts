// Messages waiting for their recipient, one table for both kinds (issue 9): `stored` for an owner
// who is offline, `held` for a user who is away within the resume grace. Reads see committed
// writes, in id order; every change goes through the commit batcher and resolves once durable.

import type {MessageOptions} from '../../protocol/message-options.js';
import type {CommitBatcher} from './commit-batcher.js';
import {mailboxLimitReached, type MailboxLimits, type MailboxSize} from './mailbox-limits.js';
import type {SqliteDatabase} from './open-store-file.js';

export type WaitingKind = 'stored' | 'held';

export type WaitingMessage = {
	/** The host's message id, decimal, as on the wire. */
	id: string;
	kind: WaitingKind;
	/** nameKey(recipient). */
	recipientKey: string;
	/** Milliseconds since the epoch: when the host accepted it, shown as its time on delivery. */
	time: number;
	sender: string;
	recipient: string;
	/** The sender's ref, or undefined for a plain sender. */
	senderRef: string | undefined;
	text: string;
	/** The SEND's options (a part of a longer message, an action); absent for a plain message. */
	options?: MessageOptions;
};

/** `limit` says which limit refused the message when it was not kept. */
export type AppendOutcome = {kept: true} | {kept: false; limit: keyof MailboxSize};

type Row = {
	id: string;
	kind: WaitingKind;
	recipient_key: string;
	time: number;
	sender: string;
	recipient: string;
	sender_ref: string | null;
	text: string;
	action: 0 | 1;
	more: number | null;
};

// The id as text: a 16-digit id is exact in SQLite's 64-bit integer, and stays exact this way.
const COLUMNS =
	'CAST(id AS TEXT) AS id, kind, recipient_key, time, sender, recipient, sender_ref, text, action, more';

const DECIMAL_ID = /^[1-9]\d{0,17}$/;

function messageOf(row: Row): WaitingMessage {
	const message: WaitingMessage = {
		id: row.id,
		kind: row.kind,
		recipientKey: row.recipient_key,
		time: row.time,
		sender: row.sender,
		recipient: row.recipient,
		senderRef: row.sender_ref ?? undefined,
		text: row.text,
	};
	if (row.action === 0 && row.more === null) return message;
	const options: MessageOptions = {};
	if (row.action === 1) options.action = true;
	if (row.more !== null) options.more = row.more;
	message.options = options;
	return message;
}

export class WaitingMessages {
	readonly #batcher: CommitBatcher;
	readonly #insert;
	readonly #size;
	readonly #forRecipient;
	readonly #ofKind;
	readonly #deleteOne;
	readonly #heldToStored;
	readonly #expire;
	readonly #highest;
	readonly #heldRecipients;
	readonly #resent;
	readonly #lastPart;

	constructor(db: SqliteDatabase, batcher: CommitBatcher) {
		this.#batcher = batcher;
		// An id already there is the same message written again: kept once.
		this.#insert = db.prepare<
			[
				bigint,
				string,
				WaitingKind,
				number,
				string,
				string,
				string | null,
				string,
				number,
				0 | 1,
				number | null,
				0 | 1,
			]
		>(
			`INSERT INTO waiting_messages
				(id, recipient_key, kind, time, sender, recipient, sender_ref, text, bytes, action, more, starts)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		);
		// NULL when the sender's latest part ended its message, or there is none: a new one starts.
		// Read newest first over the recipient's rows, at most a mailbox's worth.
		this.#lastPart = db
			.prepare<[string, WaitingKind, string], number | null>(
				`SELECT more FROM waiting_messages WHERE recipient_key = ? AND kind = ? AND sender = ?
					ORDER BY id DESC LIMIT 1`,
			)
			.pluck();
		this.#size = db.prepare<[string, WaitingKind], MailboxSize>(
			'SELECT messages, bytes FROM mailboxes WHERE recipient_key = ? AND kind = ?',
		);
		this.#forRecipient = db.prepare<[string], Row>(
			`SELECT ${COLUMNS} FROM waiting_messages WHERE recipient_key = ? ORDER BY id`,
		);
		this.#ofKind = db.prepare<[string, WaitingKind], Row>(
			`SELECT ${COLUMNS} FROM waiting_messages WHERE recipient_key = ? AND kind = ? ORDER BY id`,
		);
		this.#deleteOne = db.prepare<[bigint]>('DELETE FROM waiting_messages WHERE id = ?');
		this.#heldToStored = db.prepare<[string]>(
			"UPDATE waiting_messages SET kind = 'stored' WHERE recipient_key = ? AND kind = 'held'",
		);
		this.#expire = db.prepare<[number], Row>(
			`DELETE FROM waiting_messages WHERE time < ? RETURNING ${COLUMNS}`,
		);
		this.#heldRecipients = db
			.prepare<[], string>("SELECT recipient_key FROM mailboxes WHERE kind = 'held'")
			.pluck();
		this.#resent = db.prepare<[string, string, string], Row>(
			`SELECT ${COLUMNS} FROM waiting_messages WHERE recipient_key = ? AND sender = ? AND sender_ref = ?`,
		);
		this.#highest = db
			.prepare<[], string>(
				"SELECT CAST(value AS TEXT) FROM store_facts WHERE fact = 'highest-message-id'",
			)
			.pluck();
	}

	/**
	 * Keeps `message` unless its recipient's mailbox of that kind would pass `limits`. A part that
	 * goes on with its sender's message still waiting (the part before had `more`) adds its bytes
	 * but no message.
	 */
	append(message: WaitingMessage, limits?: MailboxLimits): Promise<AppendOutcome> {
		const id = idOf(message.id);
		if (id instanceof TypeError) return Promise.reject(id);
		const bytes = Buffer.byteLength(message.text);
		const {recipientKey, kind, sender, options} = message;
		return this.#batcher.write((): AppendOutcome => {
			const starts = (this.#lastPart.get(recipientKey, kind, sender) ?? null) === null;
			if (limits) {
				const size = this.size(recipientKey, kind);
				const limit = mailboxLimitReached(size, bytes, limits, starts ? 1 : 0);
				if (limit) return {kept: false, limit};
			}

			this.#insert.run(
				id,
				message.recipientKey,
				message.kind,
				message.time,
				message.sender,
				message.recipient,
				message.senderRef ?? null,
				message.text,
				bytes,
				options?.action === true ? 1 : 0,
				options?.more ?? null,
				starts ? 1 : 0,
			);
			return {kept: true};
		});
	}

	/** The recipient's waiting messages, of one kind or both, oldest first. */
	waitingFor(recipientKey: string, kind?: WaitingKind): WaitingMessage[] {
		const rows =
			kind === undefined
				? this.#forRecipient.all(recipientKey)
				: this.#ofKind.all(recipientKey, kind);
		return rows.map((row) => messageOf(row));
	}

	/** How many messages of a kind wait for the recipient (a message of several parts is one), and
	 * their text's UTF-8 bytes. */
	size(recipientKey: string, kind: WaitingKind): MailboxSize {
		return this.#size.get(recipientKey, kind) ?? {messages: 0, bytes: 0};
	}

	/** Removes messages once they were handed on (delivered) or given up; how many were there. */
	remove(ids: readonly string[]): Promise<number> {
		const keys = ids.map((id) => idOf(id));
		const bad = keys.find((key) => key instanceof TypeError);
		if (bad) return Promise.reject(bad);
		return this.#batcher.write(() => {
			let removed = 0;
			for (const key of keys) removed += this.#deleteOne.run(key as bigint).changes;
			return removed;
		});
	}

	/**
	 * Turns the recipient's held messages into stored ones, in one commit (an owner's resume grace
	 * ran out: they wait for the next login now); how many. Mailbox limits do not apply here.
	 */
	keepHeldAsStored(recipientKey: string): Promise<number> {
		return this.#batcher.write(() => this.#heldToStored.run(recipientKey).changes);
	}

	/** Removes every message accepted before `cutoffMs` (see expiryCutoff); those removed. */
	expireOlderThan(cutoffMs: number): Promise<WaitingMessage[]> {
		return this.#batcher.write(() => this.#expire.all(cutoffMs).map((row) => messageOf(row)));
	}

	/** Every recipient with held messages (after a restart: users who were away). */
	heldRecipients(): string[] {
		return this.#heldRecipients.all();
	}

	/** The message `sender` sent with `ref` that waits for the recipient, if any (a resent SEND). */
	findResent(recipientKey: string, sender: string, ref: string): WaitingMessage | undefined {
		const row = this.#resent.get(recipientKey, sender, ref);
		return row && messageOf(row);
	}

	/** The highest id ever stored, even if its message is gone; undefined for a new store. */
	highestId(): string | undefined {
		const highest = this.#highest.get();
		return highest === undefined || highest === '0' ? undefined : highest;
	}
}

/** The id as SQLite's integer, or the error for an id that is not one. */
function idOf(id: string): bigint | TypeError {
	if (!DECIMAL_ID.test(id))
		return new TypeError(`a message id is a positive decimal number, not "${id}"`);
	return BigInt(id);
}
