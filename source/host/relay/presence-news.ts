// Presence news (JOIN, LEAVE, AWAY, BACK) goes to every connected structured user. Pushed into
// each queue, a login storm of N users makes N²/2 queue entries and leaves the heap far larger
// than what it holds (bench/README.md, "Figures behind the code"). So the news is kept once, as
// a log: each structured queue remembers how far it has read and takes the rest, as one shared
// string, before its next line or with the batch.

import {PRESENCE_BATCH_MS} from '../../protocol/limits.js';

/** A queue that reads the news: with the batch, it sends what it has not read yet. */
export type NewsReader = {sendNews(): void};

export class PresenceNews {
	/** Every reader that is behind, or may be: the connected structured users' queues. */
	readonly #readers: () => Iterable<NewsReader>;
	/** News since the last batch; `#first` is the position of `#lines[0]`. */
	#lines: string[] = [];
	#first = 0;
	/** The text from a position to the end, made once for all the readers at that position. */
	readonly #textFrom = new Map<number, string>();
	/** The same as bytes with a final newline: the batch writes one buffer to every socket, not
	 * one string that each socket would encode again (most of a login storm's time, measured). */
	readonly #bytesFrom = new Map<number, Buffer>();
	#batchTimer: NodeJS.Timeout | undefined;
	/** At least PRESENCE_BATCH_MS, and at least as long as the last batch took to write, so
	 * presence news never takes more than half of the host's time. */
	#batchDelayMs = PRESENCE_BATCH_MS;

	constructor(readers: () => Iterable<NewsReader>) {
		this.#readers = readers;
	}

	/** The position after the latest news: a reader at `end` has read everything. */
	get end(): number {
		return this.#first + this.#lines.length;
	}

	/** Adds a line of news; every reader gets it within PRESENCE_BATCH_MS, or sooner with a line of its own. */
	publish(line: string): void {
		this.#lines.push(line);
		this.#textFrom.clear();
		this.#bytesFrom.clear();
		if (this.#batchTimer === undefined) {
			this.#batchTimer = setTimeout(this.#runBatch, this.#batchDelayMs);
			// The sockets keep the host running; this timer alone must not.
			this.#batchTimer.unref();
		}
	}

	/** The news from position `from` to the end, as lines joined by newlines (no final newline). */
	textSince(from: number): string {
		// Every reader is caught up when the log is dropped, so `from` is never before `#first`.
		const start = Math.max(from, this.#first);
		let text = this.#textFrom.get(start);
		if (text === undefined) {
			text = this.#lines.slice(start - this.#first).join('\n');
			this.#textFrom.set(start, text);
		}

		return text;
	}

	/** `textSince(from)` and a newline, as bytes. */
	bytesSince(from: number): Buffer {
		let bytes = this.#bytesFrom.get(from);
		if (bytes === undefined) {
			bytes = Buffer.from(this.textSince(from) + '\n');
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
		for (const reader of this.#readers()) reader.sendNews();
		// Everyone has it all now: the log starts again, empty, from the same position.
		this.#first = this.end;
		this.#lines = [];
		this.#textFrom.clear();
		this.#bytesFrom.clear();
		this.#batchDelayMs = Math.max(PRESENCE_BATCH_MS, performance.now() - started);
	};
}
