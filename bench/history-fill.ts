// Fills a local history quickly for the benchmarks: one transaction of prepared inserts, then one
// rebuild of the search index, as many days of messages as asked, spread over conversations.
import Database from 'better-sqlite3';
import {HistoryStore} from '../source/history/history-store.js';
import {historyFile} from '../source/history/open-history-file.js';
import {nameKey} from '../source/protocol/name-key.js';

export type HistoryFill = {
	dir: string;
	host: string;
	self: string;
	messages: number;
	/** Partners `p0`, `p1`, …; with one, the partner is `bob`. */
	conversations: number;
};

/** The text of message `index`: ordinary lengths, and every 1,000th holds a rare word. */
function filledText(index: number): string {
	const rare = index % 1000 === 500 ? ' zebrafinch' : '';
	return `history line ${index}: a message of an ordinary length, about sixty bytes${rare}`;
}

export function partnerOf(conversation: number, conversations: number): string {
	return conversations === 1 ? 'bob' : `p${conversation}`;
}

export function fillHistory(fill: HistoryFill): void {
	// Made by the store itself, so the schema is the one chat join reads.
	new HistoryStore({dir: fill.dir, host: fill.host, self: fill.self}).close();
	const db = new Database(historyFile(fill.dir));
	try {
		// A fresh file filled once: no journal while it is written, then WAL as chat join keeps it.
		db.pragma('journal_mode = OFF');
		db.pragma('synchronous = OFF');
		const addConversation = db
			.prepare<[string, string, string, string], number>(
				'INSERT INTO conversations (host, self_key, partner_key, partner) VALUES (?, ?, ?, ?) RETURNING id',
			)
			.pluck();
		const addMessage = db.prepare(
			'INSERT INTO messages (conversation, uid, time, sender, text) VALUES (?, ?, ?, ?, ?)',
		);
		const start = Date.now() - fill.messages * 1000;
		db.transaction(() => {
			const ids: number[] = [];
			for (let index = 0; index < fill.conversations; index++) {
				const partner = partnerOf(index, fill.conversations);
				ids.push(
					addConversation.get(fill.host, nameKey(fill.self), nameKey(partner), partner) ?? 0,
				);
			}
			for (let index = 0; index < fill.messages; index++) {
				const conversation = index % fill.conversations;
				const from = index % 3 === 0 ? fill.self : partnerOf(conversation, fill.conversations);
				addMessage.run(
					ids[conversation],
					`f${index}`,
					start + index * 1000,
					from,
					filledText(index),
				);
			}
			db.exec(`INSERT INTO message_text (message_text) VALUES ('rebuild')`);
			db.exec(
				`UPDATE history_facts SET value = (SELECT max(id) FROM messages) WHERE fact = 'indexed-up-to'`,
			);
		})();
		db.pragma('journal_mode = WAL');
	} finally {
		db.close();
	}
}
