// Who owns a name (issue 9): a name's skeleton key (protocol/name-rules.ts's nameKey) bound to
// one Ed25519 public key. Reads see committed writes; every change goes through the commit
// batcher and resolves once it is durable.

import type {CommitBatcher} from './commit-batcher.js';
import type {SqliteDatabase} from './open-store-file.js';
import {ED25519_PUBLIC_KEY_BYTES} from './store-limits.js';

export type NameBinding = {
	/** nameKey(name): what makes `Alice` and `аlice` (Cyrillic а) the same name. */
	nameKey: string;
	/** The name as its owner first registered it. */
	name: string;
	/** The owner's Ed25519 public key, raw (32 bytes, RFC 8032), not SPKI. */
	publicKey: Buffer;
	/** Milliseconds since the epoch. */
	firstSeen: number;
	lastSeen: number;
};

/** `bound`: the name is now this key's (just bound, or already was); `binding` is the owner's. */
export type BindOutcome = {bound: boolean; binding: NameBinding};

type Row = {
	name_key: string;
	name: string;
	public_key: Buffer;
	first_seen: number;
	last_seen: number;
};

const COLUMNS = 'name_key, name, public_key, first_seen, last_seen';

function bindingOf(row: Row): NameBinding {
	return {
		nameKey: row.name_key,
		name: row.name,
		publicKey: row.public_key,
		firstSeen: row.first_seen,
		lastSeen: row.last_seen,
	};
}

export class NameBindings {
	readonly #batcher: CommitBatcher;
	readonly #find;
	readonly #insert;
	readonly #touch;
	readonly #delete;
	readonly #deleteMessages;
	readonly #all;
	readonly #unusedSince;

	constructor(db: SqliteDatabase, batcher: CommitBatcher) {
		this.#batcher = batcher;
		this.#find = db.prepare<[string], Row>(
			`SELECT ${COLUMNS} FROM name_bindings WHERE name_key = ?`,
		);
		this.#insert = db.prepare<[string, string, Buffer, number, number]>(
			`INSERT INTO name_bindings VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		);
		this.#touch = db.prepare<[number, string]>(
			'UPDATE name_bindings SET last_seen = max(last_seen, ?) WHERE name_key = ?',
		);
		this.#delete = db.prepare<[string], Row>(
			`DELETE FROM name_bindings WHERE name_key = ? RETURNING ${COLUMNS}`,
		);
		// A released name's mail goes with it: its next owner must not read it.
		this.#deleteMessages = db.prepare<[string]>(
			'DELETE FROM waiting_messages WHERE recipient_key = ?',
		);
		this.#all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM name_bindings ORDER BY name_key`);
		this.#unusedSince = db.prepare<[number], Row>(
			`SELECT ${COLUMNS} FROM name_bindings WHERE last_seen < ? ORDER BY name_key`,
		);
	}

	/** The owner of the name whose key this is, if any. */
	lookup(nameKey: string): NameBinding | undefined {
		const row = this.#find.get(nameKey);
		return row && bindingOf(row);
	}

	/** Every binding, in key order (for `chat names`). */
	list(): NameBinding[] {
		return this.#all.all().map((row) => bindingOf(row));
	}

	/** Binds the name to `publicKey` if it has no owner yet: a conditional insert. */
	bind(claim: {
		nameKey: string;
		name: string;
		publicKey: Uint8Array;
		nowMs: number;
	}): Promise<BindOutcome> {
		if (claim.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
			return Promise.reject(
				new TypeError(
					`an Ed25519 public key is ${ED25519_PUBLIC_KEY_BYTES} bytes, not ${claim.publicKey.length}`,
				),
			);
		}

		const publicKey = Buffer.from(claim.publicKey);
		return this.#batcher.write(() => {
			const {changes} = this.#insert.run(
				claim.nameKey,
				claim.name,
				publicKey,
				claim.nowMs,
				claim.nowMs,
			);
			const row = this.#find.get(claim.nameKey);
			if (!row) throw new Error(`the binding of ${claim.nameKey} vanished inside its own commit`);
			return {bound: changes === 1 || row.public_key.equals(publicKey), binding: bindingOf(row)};
		});
	}

	/** Records that the name was used at `nowMs` (a login); false if it has no owner. */
	touch(nameKey: string, nowMs: number): Promise<boolean> {
		return this.#batcher.write(() => this.#touch.run(nowMs, nameKey).changes === 1);
	}

	/** Frees the name and drops its waiting messages; the binding that was, if any. */
	release(nameKey: string): Promise<NameBinding | undefined> {
		return this.#batcher.write(() => this.#release(nameKey));
	}

	/** Releases every name last used before `cutoffMs` (see expiryCutoff); those released. */
	expireUnusedSince(cutoffMs: number): Promise<NameBinding[]> {
		return this.#batcher.write(() =>
			this.#unusedSince.all(cutoffMs).flatMap((row) => this.#release(row.name_key) ?? []),
		);
	}

	#release(nameKey: string): NameBinding | undefined {
		const row = this.#delete.get(nameKey);
		if (!row) return undefined;
		this.#deleteMessages.run(nameKey);
		return bindingOf(row);
	}
}
