// The local history of one host and own name, on SQLite (see docs/architecture.md, "History").
// Writes are committed together HISTORY_COMMIT_DELAY_MS after the first; every read commits what
// is queued first. The search index is built apart from the writes: once they pause
// (HISTORY_INDEX_IDLE_MS), and a step a commit once HISTORY_INDEX_BACKLOG_ROWS wait; a search
// scans the rows it does not hold yet.

import {nameKey} from '../protocol/name-key.js';
import {foldForSearch} from '../protocol/search-folding.js';
import type {
	ChatHistory,
	EarlierDelivered,
	HistoryDelivery,
	HistoryMessage,
	HistoryPosition,
	SearchHit,
	StoredConversation,
} from './chat-history.js';
import {
	DAY_MS,
	EXPIRY_BATCH_MESSAGES,
	HISTORY_COMMIT_DELAY_MS,
	HISTORY_FLOOD_COMMIT_DELAY_MS,
	HISTORY_FLOOD_COMMIT_MESSAGES,
	HISTORY_INDEX_BACKLOG_ROWS,
	HISTORY_INDEX_FLOOD_STEP_ROWS,
	HISTORY_INDEX_IDLE_MS,
	HISTORY_INDEX_STEP_ROWS,
} from './history-limits.js';
import {messageOf, prepareRows, type HistoryRows, type MessageRow} from './history-rows.js';
import {openHistoryFile, type HistoryDatabase} from './open-history-file.js';

export type HistoryOptions = {
	dir: string;
	/** The host as joined (`localhost:21567`): conversations are kept per host. */
	host: string;
	self: string;
	/** Messages older than this many days are deleted (none by default). */
	keepDays?: number;
	/** False for a reader (`chat log`): a missing file is an error, not a new history. */
	create?: boolean;
	/** A write that failed, as one sentence; the session goes on without it. */
	onProblem?: (sentence: string) => void;
	now?: () => number;
};

/** Fewer folded characters than a trigram: searched by a scan, not the index. */
const TRIGRAM = 3;

type Write = () => void;

function prepareWrites(db: HistoryDatabase) {
	return {
		insert: db.prepare(
			`INSERT INTO messages (conversation, uid, time, sender, text, action, delivery, reason, ref)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		),
		result: db.prepare(
			'UPDATE messages SET delivery = ?, reason = ? WHERE conversation = ? AND uid = ?',
		),
		storedByRef: db.prepare<[string], {conversation: number; uid: string; partner: string}>(
			`SELECT m.conversation, m.uid, c.partner FROM messages m
			 JOIN conversations c ON c.id = m.conversation
			 WHERE m.ref = ? AND m.delivery = 'stored'`,
		),
		close: db.prepare('UPDATE conversations SET closed = 1 WHERE id = ?'),
		forget: db.prepare('DELETE FROM conversations WHERE id = ?'),
		// Indexes up to `limit` (-1: every) of the rows not yet indexed, from any process, for search.
		index: db.prepare<[number]>(
			`INSERT INTO message_text (rowid, text) SELECT id, text FROM messages
			 WHERE id > (SELECT value FROM history_facts WHERE fact = 'indexed-up-to')
			 ORDER BY id LIMIT ?`,
		),
		indexed: db.prepare<[number]>(
			`UPDATE history_facts SET value = coalesce((SELECT max(id) FROM (SELECT id FROM messages
			 WHERE id > (SELECT value FROM history_facts WHERE fact = 'indexed-up-to')
			 ORDER BY id LIMIT ?)), value) WHERE fact = 'indexed-up-to'`,
		),
		indexedUpTo: db
			.prepare<[], number>("SELECT value FROM history_facts WHERE fact = 'indexed-up-to'")
			.pluck(),
		unindexed: db
			.prepare<[], number>(
				`SELECT count(*) FROM messages
				 WHERE id > (SELECT value FROM history_facts WHERE fact = 'indexed-up-to')`,
			)
			.pluck(),
		conversation: db
			.prepare<[string, string, string, string], number>(
				`INSERT INTO conversations (host, self_key, partner_key, partner) VALUES (?, ?, ?, ?)
				 ON CONFLICT DO UPDATE SET partner = excluded.partner RETURNING id`,
			)
			.pluck(),
	};
}

export class HistoryStore implements ChatHistory {
	readonly #db: HistoryDatabase;
	readonly #rows: HistoryRows;
	readonly #writes: ReturnType<typeof prepareWrites>;
	readonly #host: string;
	readonly #self: string;
	readonly #options: HistoryOptions;
	readonly #ids = new Map<string, number>();
	/** Sent in this session: its ref's message, and the uids whose 'sending' is still true. */
	readonly #sent = new Map<string, {partner: string; uid: string}>();
	readonly #live = new Set<string>();
	#queue: Write[] = [];
	#scheduled: NodeJS.Timeout | undefined;
	/** Rows kept since the index last caught up (this process's; another's are found by the index). */
	#unindexed = 0;
	#lastWrite = 0;
	/** The last commit carried a flood's worth: the next waits longer. */
	#flooding = false;
	#indexing: NodeJS.Timeout | undefined;
	#closed = false;
	#reported = false;

	constructor(options: HistoryOptions) {
		this.#options = options;
		this.#db = openHistoryFile(options.dir, {create: options.create ?? true});
		this.#db.function('folded_has', {deterministic: true}, (text, needle) =>
			foldForSearch(String(text)).includes(String(needle)) ? 1 : 0,
		);
		this.#rows = prepareRows(this.#db);
		this.#writes = prepareWrites(this.#db);
		this.#host = options.host;
		this.#self = nameKey(options.self);
		if (options.keepDays !== undefined) this.#expire(options.keepDays);
		// What a session killed in a flood left unindexed is indexed once this one is idle (by a
		// chat join: `chat log` only reads).
		if (options.create !== false) {
			this.#unindexed = this.#writes.unindexed.get() ?? 0;
			if (this.#unindexed > 0) this.#indexWhenIdle();
		}
	}

	conversations(): StoredConversation[] {
		this.flush();
		return this.#rows.conversations
			.all(this.#host, this.#self)
			.filter((row) => row.closed === 0)
			.map((row) => ({partner: row.partner, messages: row.messages, lastTime: row.last_time}));
	}

	/** Every conversation of this host and name, closed ones too, for `chat log`. */
	allConversations(): Array<StoredConversation & {closed: boolean}> {
		return this.#rows.conversations.all(this.#host, this.#self).map((row) => ({
			partner: row.partner,
			messages: row.messages,
			lastTime: row.last_time,
			closed: row.closed !== 0,
		}));
	}

	/** Every message with `partner`, oldest first, read as it goes. */
	*everyMessage(partner: string): Generator<HistoryMessage> {
		const row = this.#rows.conversation.get(this.#host, this.#self, nameKey(partner));
		if (!row) return;
		for (const message of this.#rows.all.iterate(row.id)) yield messageOf(message, this.#live);
	}

	latest(partner: string, limit: number): HistoryMessage[] {
		return this.#page(partner, (id) => this.#rows.latest.all(id, limit).reverse());
	}

	earliest(partner: string, limit: number): HistoryMessage[] {
		return this.#page(partner, (id) => this.#rows.earliest.all(id, limit));
	}

	before(partner: string, at: HistoryPosition, limit: number): HistoryMessage[] {
		return this.#page(partner, (id) => this.#rows.before.all(id, at.time, at.uid, limit).reverse());
	}

	after(partner: string, at: HistoryPosition, limit: number): HistoryMessage[] {
		return this.#page(partner, (id) => this.#rows.after.all(id, at.time, at.uid, limit));
	}

	search(text: string, partner: string | undefined, limit: number): SearchHit[] {
		this.flush();
		const folded = foldForSearch(text);
		if (folded.trim() === '') return [];
		const parameters = {
			host: this.#host,
			self: this.#self,
			partner: partner === undefined ? '' : nameKey(partner),
			limit,
		};
		const short = [...folded].length < TRIGRAM;
		// One read transaction: another client indexing meanwhile cannot move the line between.
		const rows = this.#db.transaction(() => {
			if (short) return this.#rows.scan.all({...parameters, query: folded});
			// The rows not indexed yet are the newest: scanned first, then the index for the rest.
			const after = this.#writes.indexedUpTo.get() ?? 0;
			const recent = this.#rows.scanRecent.all({...parameters, query: folded, after});
			if (recent.length >= limit) return recent;
			// A phrase: the text as typed is one substring, whatever quotes or words it holds.
			const query = `"${text.replaceAll('"', '""')}"`;
			const older = this.#rows.search.all({...parameters, query, limit: limit - recent.length});
			return [...recent, ...older];
		})();
		return rows.map((row) => ({partner: row.partner, message: messageOf(row, this.#live)}));
	}

	record(partner: string, message: HistoryMessage, ref?: string): void {
		if (ref !== undefined) {
			this.#sent.set(ref, {partner, uid: message.uid});
			this.#live.add(message.uid);
		}
		const delivery = message.delivery;
		this.#unindexed++;
		this.#write(() => {
			this.#writes.insert.run(
				this.#conversationId(partner),
				message.uid,
				message.time,
				message.from,
				message.text,
				message.action === true ? 1 : 0,
				delivery?.state ?? null,
				delivery?.state === 'failed' ? delivery.reason : null,
				ref ?? null,
			);
		});
	}

	recordResult(ref: string, delivery: HistoryDelivery): EarlierDelivered | undefined {
		const sent = this.#sent.get(ref);
		if (!sent) return delivery.state === 'delivered' ? this.#deliveredEarlier(ref) : undefined;
		// Held or stored, a DELIVERED may still follow in this session.
		if (delivery.state !== 'held' && delivery.state !== 'stored') {
			this.#sent.delete(ref);
			this.#live.delete(sent.uid);
		}
		this.#write(() => {
			this.#writes.result.run(
				delivery.state,
				delivery.state === 'failed' ? delivery.reason : null,
				this.#conversationId(sent.partner),
				sent.uid,
			);
		});
		return undefined;
	}

	/** A message an earlier session sent, which the host stored, has reached its recipient. */
	#deliveredEarlier(ref: string): EarlierDelivered | undefined {
		let row: {conversation: number; uid: string; partner: string} | undefined;
		try {
			row = this.#writes.storedByRef.get(ref);
		} catch (error: unknown) {
			this.#report(error);
			return undefined;
		}

		if (row === undefined) return undefined;
		const {conversation, uid, partner} = row;
		this.#write(() => {
			this.#writes.result.run('delivered', null, conversation, uid);
		});
		// Committed now, a rare write: the row no longer reads as stored, whatever asks next.
		this.flush();
		return {partner, uid};
	}

	closeConversation(partner: string): void {
		this.#write(() => {
			this.#writes.close.run(this.#conversationId(partner));
		});
	}

	forgetConversation(partner: string): void {
		this.#write(() => {
			this.#writes.forget.run(this.#conversationId(partner));
			this.#ids.delete(nameKey(partner));
		});
		this.flush();
	}

	/** Commits what is queued and indexes up to `limit` (-1: every) waiting rows; how many it did. */
	indexWaiting(limit = -1): number {
		this.flush();
		return this.#index(limit);
	}

	/** Commits what is queued, now. */
	flush(): void {
		if (this.#scheduled) clearTimeout(this.#scheduled);
		this.#scheduled = undefined;
		const queue = this.#queue;
		if (queue.length === 0 || this.#closed) return;
		this.#queue = [];
		const indexStep = this.#unindexed >= HISTORY_INDEX_BACKLOG_ROWS;
		this.#flooding = queue.length >= HISTORY_FLOOD_COMMIT_MESSAGES;
		try {
			// Immediate: the write lock is taken first, so two clients never deadlock on upgrade.
			const indexed = this.#db
				.transaction(() => {
					for (const write of queue) write();
					return indexStep ? this.#indexRows(HISTORY_INDEX_FLOOD_STEP_ROWS) : 0;
				})
				.immediate();
			this.#unindexed = Math.max(0, this.#unindexed - indexed);
		} catch (error: unknown) {
			this.#ids.clear();
			this.#report(error);
		}
		this.#lastWrite = this.#now();
		this.#indexWhenIdle();
	}

	/** Commits what is queued and closes the file; what is not indexed yet waits for the next. */
	close(): void {
		this.flush();
		clearTimeout(this.#indexing);
		this.#closed = true;
		this.#db.close();
	}

	#now(): number {
		return (this.#options.now ?? Date.now)();
	}

	#report(error: unknown): void {
		// Said once: a full disk would otherwise say it on every message.
		if (this.#reported) return;
		this.#reported = true;
		const detail = error instanceof Error ? error.message : String(error);
		this.#options.onProblem?.(`the history could not be written (${detail})`);
	}

	/** Indexes up to `limit` (-1: every) waiting rows, inside the caller's transaction. */
	#indexRows(limit: number): number {
		const {changes} = this.#writes.index.run(limit);
		this.#writes.indexed.run(limit);
		return changes;
	}

	/** Indexes up to `limit` (-1: every) waiting rows in a transaction of its own. */
	#index(limit: number): number {
		if (this.#closed) return 0;
		try {
			const indexed = this.#db.transaction(() => this.#indexRows(limit)).immediate();
			this.#unindexed = Math.max(0, this.#unindexed - indexed);
			return indexed;
		} catch (error: unknown) {
			this.#report(error);
			return 0;
		}
	}

	/** Catches the index up, a step at a time, once no message has been kept for a while. */
	#indexWhenIdle(): void {
		if (this.#indexing || this.#unindexed === 0 || this.#closed) return;
		const step = () => {
			this.#indexing = undefined;
			const quiet = this.#now() - this.#lastWrite;
			if (quiet < HISTORY_INDEX_IDLE_MS) {
				this.#indexing = setTimeout(step, HISTORY_INDEX_IDLE_MS - quiet);
			} else if (this.#index(HISTORY_INDEX_STEP_ROWS) === HISTORY_INDEX_STEP_ROWS) {
				this.#indexing = setTimeout(step, 0);
			} else {
				// Caught up; rows another process kept are indexed by its own steps or a search.
				this.#unindexed = 0;
				return;
			}
			// Waiting to index never keeps the process alive.
			this.#indexing.unref();
		};
		this.#indexing = setTimeout(step, HISTORY_INDEX_IDLE_MS);
		this.#indexing.unref();
	}

	#write(write: Write): void {
		if (this.#closed) return;
		this.#queue.push(write);
		if (this.#scheduled) return;
		const delay = this.#flooding ? HISTORY_FLOOD_COMMIT_DELAY_MS : HISTORY_COMMIT_DELAY_MS;
		this.#scheduled = setTimeout(() => {
			this.flush();
		}, delay);
		// A pending commit never keeps the process alive: close() and the exit paths commit it.
		this.#scheduled.unref();
	}

	#page(partner: string, read: (id: number) => MessageRow[]): HistoryMessage[] {
		this.flush();
		const row = this.#rows.conversation.get(this.#host, this.#self, nameKey(partner));
		return row ? read(row.id).map((message) => messageOf(message, this.#live)) : [];
	}

	/** The conversation's row id, made if missing; inside a write's transaction. */
	#conversationId(partner: string): number {
		const key = nameKey(partner);
		const known = this.#ids.get(key);
		if (known !== undefined) return known;
		const id = this.#writes.conversation.get(this.#host, this.#self, key, partner);
		if (id === undefined) throw new Error(`no conversation row for ${partner}`);
		this.#ids.set(key, id);
		return id;
	}

	/** Deletes what is older than `days`, a batch a tick, so the screen never waits for it. */
	#expire(days: number): void {
		const cutoff = this.#now() - days * DAY_MS;
		// Through each conversation's time index: no index by age alone slows every write.
		const remove = this.#db.prepare(
			`DELETE FROM messages WHERE id IN (SELECT m.id FROM conversations c
			 JOIN messages m ON m.conversation = c.id AND m.time < ? LIMIT ?)`,
		);
		const step = () => {
			if (this.#closed) return;
			const {changes} = remove.run(cutoff, EXPIRY_BATCH_MESSAGES);
			if (changes === EXPIRY_BATCH_MESSAGES) setImmediate(step);
		};
		step();
	}
}
