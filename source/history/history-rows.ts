// The history's SQL, prepared once per file, and how a row becomes a message. Reads only; the
// writes are in history-store.ts.

import type {HistoryDatabase} from './open-history-file.js';
import type {HistoryDelivery, HistoryMessage} from './chat-history.js';

export type MessageRow = {
	uid: string;
	time: number;
	sender: string;
	text: string;
	/** 1 for a `/me`. */
	action: number;
	delivery: string | null;
	reason: string | null;
};

export type ConversationRow = {
	id: number;
	partner: string;
	closed: number;
	messages: number;
	last_time: number;
};

/** `partner` is a name key, or '' for every conversation. */
export type SearchParameters = {
	query: string;
	/** scanRecent reads only rows after this id (the index holds those up to it). */
	after?: number;
	host: string;
	self: string;
	partner: string;
	limit: number;
};

const COLUMNS = 'm.uid, m.time, m.sender, m.text, m.action, m.delivery, m.reason';

/** A sent message still 'sending' in a past session never got its answer. */
const UNANSWERED = 'no answer from the host before chat closed';

function deliveryOf(row: MessageRow, live: boolean): HistoryDelivery | undefined {
	switch (row.delivery) {
		case null: {
			return undefined;
		}
		case 'failed': {
			return {state: 'failed', reason: row.reason ?? ''};
		}
		case 'sending': {
			return live ? {state: 'sending'} : {state: 'failed', reason: UNANSWERED};
		}
		case 'held':
		case 'stored': {
			return {state: row.delivery};
		}
		default: {
			return {state: 'delivered'};
		}
	}
}

/** `live`: the uids this process sent, whose 'sending' is still true. */
export function messageOf(row: MessageRow, live: ReadonlySet<string>): HistoryMessage {
	const message: HistoryMessage = {uid: row.uid, time: row.time, from: row.sender, text: row.text};
	if (row.action === 1) message.action = true;
	const delivery = deliveryOf(row, live.has(row.uid));
	if (delivery) message.delivery = delivery;
	return message;
}

export function prepareRows(db: HistoryDatabase) {
	const page = (where: string, order: 'ASC' | 'DESC') =>
		db.prepare<unknown[], MessageRow>(
			`SELECT ${COLUMNS} FROM messages m WHERE m.conversation = ? ${where}
			 ORDER BY m.time ${order}, m.uid ${order} LIMIT ?`,
		);
	const hits = (from: string, match: string, newestFirst: string, join = 'JOIN') =>
		db.prepare<[SearchParameters], MessageRow & {partner: string}>(
			`SELECT c.partner, ${COLUMNS} FROM ${from} ${join} conversations c ON c.id = m.conversation
			 WHERE ${match} AND c.host = @host AND c.self_key = @self
			 AND (@partner = '' OR c.partner_key = @partner) ORDER BY ${newestFirst} LIMIT @limit`,
		);
	return {
		conversation: db.prepare<[string, string, string], ConversationRow>(
			'SELECT * FROM conversations WHERE host = ? AND self_key = ? AND partner_key = ?',
		),
		conversations: db.prepare<[string, string], ConversationRow>(
			`SELECT * FROM conversations WHERE host = ? AND self_key = ? AND messages > 0
			 ORDER BY last_time DESC`,
		),
		latest: page('', 'DESC'),
		earliest: page('', 'ASC'),
		before: page('AND (m.time, m.uid) < (?, ?)', 'DESC'),
		after: page('AND (m.time, m.uid) > (?, ?)', 'ASC'),
		all: db.prepare<[number], MessageRow>(
			`SELECT ${COLUMNS} FROM messages m WHERE m.conversation = ? ORDER BY m.time, m.uid`,
		),
		// Trigrams answer three characters or more from the index, newest rows first: ordered by
		// the index's own rowid, so it hands them over in that order and stops at the limit (by
		// m.id, a word in every message sorted all of them first).
		search: hits(
			'message_text JOIN messages m ON m.id = message_text.rowid',
			'message_text MATCH @query',
			'message_text.rowid DESC',
		),
		// Shorter text has no trigram: a scan from the newest, folding each text as search does.
		scan: hits('messages m', 'folded_has(m.text, @query)', 'm.id DESC'),
		// The rows the index does not hold yet, the newest, scanned the same way. CROSS JOIN keeps
		// them the outer loop: by the conversations first, the planner read every row of each.
		scanRecent: hits(
			'messages m',
			'm.id > @after AND folded_has(m.text, @query)',
			'm.id DESC',
			'CROSS JOIN',
		),
	};
}

export type HistoryRows = ReturnType<typeof prepareRows>;
