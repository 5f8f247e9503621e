// The history file's tables, one migration per schema version; `application_id` marks the file
// as chat's history, so another program's database (or the host's store) is refused.

/** "chah" (chat history) in ASCII. */
export const HISTORY_APPLICATION_ID = 0x63_68_61_68;

/** Migration N takes the file from version N to N + 1; never edit one that has shipped. */
export const HISTORY_MIGRATIONS: readonly string[] = [
	`
	-- One row per conversation: the host as joined, your name and the partner's (as nameKey
	-- folds them, with the partner's name as last seen), whether it is closed, and counts kept
	-- by the triggers so the list of conversations never counts a million rows.
	CREATE TABLE conversations (
		id INTEGER PRIMARY KEY,
		host TEXT NOT NULL,
		self_key TEXT NOT NULL,
		partner_key TEXT NOT NULL,
		partner TEXT NOT NULL,
		closed INTEGER NOT NULL DEFAULT 0,
		messages INTEGER NOT NULL DEFAULT 0,
		last_time INTEGER NOT NULL DEFAULT 0,
		UNIQUE (host, self_key, partner_key)
	) STRICT;

	-- Every message shown, sent or received. uid is the host's id for a received message (so a
	-- redelivered one is kept once) and the session's own for a sent one; (time, uid) orders them.
	-- delivery is NULL for a received message, else sending, held, delivered or failed (and
	-- stored, from version 2 on).
	CREATE TABLE messages (
		id INTEGER PRIMARY KEY,
		conversation INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
		uid TEXT NOT NULL,
		time INTEGER NOT NULL,
		sender TEXT NOT NULL,
		text TEXT NOT NULL,
		delivery TEXT,
		reason TEXT,
		UNIQUE (conversation, uid)
	) STRICT;
	CREATE INDEX messages_by_time ON messages (conversation, time, uid);

	-- Full-text search: trigrams find any substring of three characters or more in any script,
	-- with case and accents folded. Rows are indexed in batches at each commit (indexing one
	-- row at a time costs several times more), up to the id kept in history_facts.
	CREATE VIRTUAL TABLE message_text USING fts5 (
		text, content = 'messages', content_rowid = 'id',
		tokenize = 'trigram remove_diacritics 1'
	);
	CREATE TABLE history_facts (fact TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
	INSERT INTO history_facts VALUES ('indexed-up-to', 0);

	CREATE TRIGGER message_added AFTER INSERT ON messages BEGIN
		UPDATE conversations SET messages = messages + 1, closed = 0,
			last_time = max(last_time, new.time) WHERE id = new.conversation;
	END;
	CREATE TRIGGER message_removed AFTER DELETE ON messages BEGIN
		INSERT INTO message_text (message_text, rowid, text)
			SELECT 'delete', old.id, old.text
			WHERE old.id <= (SELECT value FROM history_facts WHERE fact = 'indexed-up-to');
		UPDATE conversations SET messages = messages - 1 WHERE id = old.conversation;
	END;
	`,
	`
	-- A /me (action = 1) is drawn and logged as "* alice waves", as it was on the screen.
	ALTER TABLE messages ADD COLUMN action INTEGER NOT NULL DEFAULT 0;
	`,
	`
	-- A sent message's ref: its DELIVERED may come in a later session when the host stored it
	-- for an owner who was offline, and finds it by the ref among the stored ones.
	ALTER TABLE messages ADD COLUMN ref TEXT;
	CREATE INDEX messages_stored_by_ref ON messages (ref) WHERE delivery = 'stored';
	`,
];

export const HISTORY_SCHEMA_VERSION = HISTORY_MIGRATIONS.length;
