// The store's tables, as SQL, one migration per schema version. `user_version` says which ones
// ran; `application_id` marks the file as chat's, so another program's database is refused.

/** "chat" in ASCII: what `PRAGMA application_id` holds in a chat store. */
export const STORE_APPLICATION_ID = 0x63_68_61_74;

/**
 * Migration N takes a store from version N to N + 1. Append a migration to change the schema;
 * never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
	`
	-- A name's owner (issue 9): the skeleton key of protocol/name-rules.ts's nameKey, the name as
	-- registered, the raw 32-byte Ed25519 public key, and times in ms since the epoch.
	CREATE TABLE name_bindings (
		name_key TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		public_key BLOB NOT NULL CHECK (length(public_key) = 32),
		first_seen INTEGER NOT NULL,
		last_seen INTEGER NOT NULL
	) STRICT, WITHOUT ROWID;
	CREATE INDEX name_bindings_by_last_seen ON name_bindings (last_seen);

	-- Messages waiting for their recipient: 'stored' for an owner who is offline, 'held' for a
	-- user who is away within the resume grace. The id is the host's message id, so rowid order
	-- is the order they were sent in.
	CREATE TABLE waiting_messages (
		id INTEGER PRIMARY KEY,
		recipient_key TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('stored', 'held')),
		time INTEGER NOT NULL,
		sender TEXT NOT NULL,
		recipient TEXT NOT NULL,
		sender_ref TEXT,
		text TEXT NOT NULL,
		bytes INTEGER NOT NULL
	) STRICT;
	CREATE INDEX waiting_messages_by_recipient ON waiting_messages (recipient_key, id);
	CREATE INDEX waiting_messages_by_time ON waiting_messages (time);

	-- The highest message id ever stored, kept when its message is gone, so a restarted host's
	-- ids never go below an id a client has already seen.
	CREATE TABLE store_facts (fact TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT, WITHOUT ROWID;
	INSERT INTO store_facts VALUES ('highest-message-id', 0);

	-- Each recipient's count and bytes by kind, kept by the triggers, so checking a mailbox limit
	-- reads one row instead of counting up to a thousand.
	CREATE TABLE mailboxes (
		recipient_key TEXT NOT NULL,
		kind TEXT NOT NULL,
		messages INTEGER NOT NULL,
		bytes INTEGER NOT NULL,
		PRIMARY KEY (recipient_key, kind)
	) STRICT, WITHOUT ROWID;
	CREATE TRIGGER waiting_message_added AFTER INSERT ON waiting_messages BEGIN
		INSERT INTO mailboxes VALUES (new.recipient_key, new.kind, 1, new.bytes)
			ON CONFLICT DO UPDATE SET messages = messages + 1, bytes = bytes + excluded.bytes;
		UPDATE store_facts SET value = max(value, new.id) WHERE fact = 'highest-message-id';
	END;
	CREATE TRIGGER waiting_message_moved AFTER UPDATE OF kind ON waiting_messages BEGIN
		UPDATE mailboxes SET messages = messages - 1, bytes = bytes - old.bytes
			WHERE recipient_key = old.recipient_key AND kind = old.kind;
		DELETE FROM mailboxes
			WHERE recipient_key = old.recipient_key AND kind = old.kind AND messages = 0;
		INSERT INTO mailboxes VALUES (new.recipient_key, new.kind, 1, new.bytes)
			ON CONFLICT DO UPDATE SET messages = messages + 1, bytes = bytes + excluded.bytes;
	END;
	CREATE TRIGGER waiting_message_removed AFTER DELETE ON waiting_messages BEGIN
		UPDATE mailboxes SET messages = messages - 1, bytes = bytes - old.bytes
			WHERE recipient_key = old.recipient_key AND kind = old.kind;
		DELETE FROM mailboxes
			WHERE recipient_key = old.recipient_key AND kind = old.kind AND messages = 0;
	END;
	`,
	`
	-- Receipts for senders who were offline when their stored message was handed on: the DELIVERED
	-- they get at their next login. The id is the message's, the time the one it was sent at.
	CREATE TABLE delivery_receipts (
		id INTEGER PRIMARY KEY,
		sender_key TEXT NOT NULL,
		sender_ref TEXT NOT NULL,
		time INTEGER NOT NULL
	) STRICT;
	CREATE INDEX delivery_receipts_by_sender ON delivery_receipts (sender_key, id);

	-- A SEND resent to a restarted host (its refs forgotten) finds the message it already kept.
	CREATE INDEX waiting_messages_by_sender_ref
		ON waiting_messages (recipient_key, sender, sender_ref);
	`,
	`
	-- Parts and actions (docs/protocol.md "Long and multi-line messages"): a waiting message keeps
	-- its SEND's options, so it is handed on as a live delivery would have been. 'action' is 1 for
	-- kind=action; 'more' the line breaks before the next part (NULL: the last part, or the only
	-- one). 'starts' is 1 for a part that begins a message: only those count as messages in
	-- 'mailboxes', so a message of several parts is one against the mailbox limit. A row of an
	-- older store is a message of one part.
	ALTER TABLE waiting_messages ADD COLUMN action INTEGER NOT NULL DEFAULT 0 CHECK (action IN (0, 1));
	ALTER TABLE waiting_messages ADD COLUMN more INTEGER CHECK (more BETWEEN 0 AND 99);
	ALTER TABLE waiting_messages ADD COLUMN starts INTEGER NOT NULL DEFAULT 1 CHECK (starts IN (0, 1));

	-- 'parts' counts the rows, so a mailbox row goes when its last part does.
	ALTER TABLE mailboxes ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;
	UPDATE mailboxes SET parts = messages;

	-- Whether a part goes on with its sender's message is read from the recipient's rows, newest
	-- first (waiting_messages_by_recipient): no index of its own, which would cost every append more
	-- than the read does, since a sender's part before is nearly always the newest row.

	DROP TRIGGER waiting_message_added;
	DROP TRIGGER waiting_message_moved;
	DROP TRIGGER waiting_message_removed;
	CREATE TRIGGER waiting_message_added AFTER INSERT ON waiting_messages BEGIN
		INSERT INTO mailboxes VALUES (new.recipient_key, new.kind, new.starts, new.bytes, 1)
			ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
				bytes = bytes + excluded.bytes, parts = parts + 1;
		UPDATE store_facts SET value = max(value, new.id) WHERE fact = 'highest-message-id';
	END;
	CREATE TRIGGER waiting_message_moved AFTER UPDATE OF kind ON waiting_messages BEGIN
		UPDATE mailboxes
			SET messages = messages - old.starts, bytes = bytes - old.bytes, parts = parts - 1
			WHERE recipient_key = old.recipient_key AND kind = old.kind;
		DELETE FROM mailboxes
			WHERE recipient_key = old.recipient_key AND kind = old.kind AND parts = 0;
		INSERT INTO mailboxes VALUES (new.recipient_key, new.kind, new.starts, new.bytes, 1)
			ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
				bytes = bytes + excluded.bytes, parts = parts + 1;
	END;
	CREATE TRIGGER waiting_message_removed AFTER DELETE ON waiting_messages BEGIN
		UPDATE mailboxes
			SET messages = messages - old.starts, bytes = bytes - old.bytes, parts = parts - 1
			WHERE recipient_key = old.recipient_key AND kind = old.kind;
		DELETE FROM mailboxes
			WHERE recipient_key = old.recipient_key AND kind = old.kind AND parts = 0;
	END;
	`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
