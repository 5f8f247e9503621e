// Presence news (JOIN, LEAVE, AWAY, BACK) goes to every connected structured user. Pushed into
// each queue, a login storm of N users makes N²/2 queue entries and leaves the heap far larger
// than what it holds (bench/README.md, "Figures behind the code"). So the news is kept once, as
// a log: each structured queue remembers how far it has read and takes the rest, as one shared
// string, before its next line or with the batch. What a reader takes is coalesced
// (coalesce-presence.ts). A reader whose socket is full, or whose news allowance is spent, stays
// behind; past MAX_PRESENCE_BACKLOG lines its news is dropped and it gets one roster snapshot.

import {MAX_PRESENCE_BACKLOG, PRESENCE_BATCH_MS} from '../../protocol/limits.js';
import {coalescePresence} from './coalesce-presence.js';

/** A queue that reads the news: with the batch, it sends what it has not read yet if it can. */
export type NewsReader = {
	/** Returns the position it has read up to, or `Infinity` if it needs nothing from the log. */
	sendNews(now: number): number;
};

/** Where `textFor` reads the roster snapshot instead of the news. */
export const SNAPSHOT = -1;

export class PresenceNews {
	/** Every reader that is behind, or may be: the connected structured users' queues. */
	readonly #readers: () => Iterable<NewsReader>;
	/** The roster now, as the lines of a snapshot. */
	readonly #snapshot: () => string[];
	/** News not yet read by every reader; `#first` is the position of `#lines[0]`. */
	#lines: string[] = [];
	#first = 0;
	/** The end of the log when the last batch ran: a reader before it missed that batch. */
	#batchEnd = 0;
	/** What a reader at a position (or SNAPSHOT) is sent, made once for all the readers there. */
	readonly #textFrom = new Map<number, string>();
	/** The same as bytes with a final newline: the batch writes one buffer to every socket, not
	 * one string that each socket would encode again (most of a login storm's time, measured). */
	readonly #bytesFrom = new Map<number, Buffer>();
	#batchTimer: NodeJS.Timeout | undefined;
	/** At least PRESENCE_BATCH_MS, and at least as long as the last batch took to write, so
	 * presence news never takes more than half of the host's time. */
	#batchDelayMs = PRESENCE_BATCH_MS;

	constructor(readers: () => Iterable<NewsReader>, snapshot: () => string[]) {
		this.#readers = readers;
		this.#snapshot = snapshot;
	}

	/** The position after the latest news: a reader at `end` has read everything. */
	get end(): number {
		return this.#first + this.#lines.length;
	}

	/** Whether a reader at `position` missed a batch, unable to take news: its lines go first. */
	missedBatch(position: number): boolean {
		return position < this.#batchEnd;
	}

	/** Whether a reader at `position` is too far behind for the log to keep its news. */
	overrun(position: number): boolean {
		return this.end - position > MAX_PRESENCE_BACKLOG || position < this.#first;
	}

	/** Adds a line of news; every reader gets it within PRESENCE_BATCH_MS, or sooner with a line of its own. */
	publish(line: string): void {
		this.#lines.push(line);
		this.#textFrom.clear();
		this.#bytesFrom.clear();
		this.requestBatch();
	}

	/** A batch soon: after news, or when a reader that fell behind can take data again. */
	requestBatch(): void {
		if (this.#batchTimer !== undefined) return;
		this.#batchTimer = setTimeout(this.#runBatch, this.#batchDelayMs);
		// The sockets keep the host running; this timer alone must not.
		this.#batchTimer.unref();
	}

	/**
	 * What a reader at position `from` is sent, as lines joined by newlines (no final newline; ''
	 * when nothing changed): the news since `from`, coalesced, or the roster snapshot if `from` is
	 * SNAPSHOT, or if it is over MAX_PRESENCE_BACKLOG lines behind and the snapshot is shorter.
	 */
	textFor(from: number): string {
		let text = this.#textFrom.get(from);
		if (text !== undefined) return text;
		if (from === SNAPSHOT || from < this.#first) {
			text = this.#snapshot().join('\n');
		} else {
			text = coalescePresence(this.#lines, from - this.#first).join('\n');
			if (this.end - from > MAX_PRESENCE_BACKLOG) {
				const snapshot = this.textFor(SNAPSHOT);
				if (snapshot.length < text.length) text = snapshot;
			}
		}

		this.#textFrom.set(from, text);
		return text;
	}

	/** `textFor(from)` and a newline, as bytes (none when the text is empty). */
	bytesFor(from: number): Buffer {
		let bytes = this.#bytesFrom.get(from);
		if (bytes === undefined) {
			const text = this.textFor(from);
			bytes = text === '' ? Buffer.alloc(0) : Buffer.from(text + '\n');
			this.#bytesFrom.set(from, bytes);
		}

		return bytes;
	}

	/** Sends every reader what it has not read (on shutdown, before the BYE). */
	flushNow(): void {
		clearTimeout(this.#batchTimer);
		this.#runBatch();
	}

	readonly #runBatch = (): void => {
		this.#batchTimer = undefined;
		const started = performance.now();
		// The writes happen here, so the time they take stretches the next delay.
		const now = Date.now();
		let keepFrom = this.end;
		for (const reader of this.#readers()) keepFrom = Math.min(keepFrom, reader.sendNews(now));
		// What every reader has read, or will be sent a snapshot instead of, is dropped.
		const end = this.end;
		const keep = Math.max(this.#first, Math.min(keepFrom, end));
		this.#lines = keep === end ? [] : this.#lines.slice(keep - this.#first);
		this.#first = keep;
		this.#batchEnd = end;
		this.#textFrom.clear();
		this.#bytesFrom.clear();
		this.#batchDelayMs = Math.max(PRESENCE_BATCH_MS, performance.now() - started);
	};
}
