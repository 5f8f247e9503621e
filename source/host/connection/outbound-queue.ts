// A connection's outbound lines (docs/protocol.md "Limits", outbound queue). Lines wait here until
// the tick's flush writes them in one `socket.write` (or until WRITE_EARLY_LINES are waiting).
// While the socket says it is full, lines wait for 'drain'; past `maxBytes` the owner is told the
// client is a slow consumer. A structured connection also reads the presence news
// (presence-news.ts): what it has not read goes before its next line, or out with the batch.

import type {Socket} from 'node:net';
import type {Delivery, DeliveryListener} from '../relay/user.js';
import type {FlushScheduler} from './flush-scheduler.js';
import type {NewsReader, PresenceNews} from '../relay/presence-news.js';

export type QueueOwner = {queueOverflow(): void};

/** Where the shared drain handler finds its queue. */
const QUEUE = Symbol('chat outbound queue');
type QueueSocket = Socket & {[QUEUE]: OutboundQueue};

/**
 * A queue this long is written at once instead of at the end of the tick: a flood's tick would
 * otherwise keep thousands of lines alive, and every young-generation GC in it copies them all.
 * Fewer lines means more writes: 256 (about 35 KB of MSG lines) cost the least host CPU per
 * message in a structured flood (bench/README.md, "Figures behind the code").
 */
const WRITE_EARLY_LINES = 256;

export class OutboundQueue implements NewsReader {
	readonly #socket: Socket;
	readonly #scheduler: FlushScheduler;
	readonly #maxBytes: number;
	readonly #owner: QueueOwner;
	readonly #listener: DeliveryListener;
	#lines: string[] = [];
	#bytes = 0;
	#deliveries: Delivery[] = [];
	#spare: Delivery[] = [];
	#marked = false;
	/** Structured connections read presence news; `#newsRead` is how far. */
	#news: PresenceNews | undefined;
	#newsRead = 0;
	#blocked = false;
	#overflowed = false;
	#closed = false;

	constructor(
		socket: Socket,
		scheduler: FlushScheduler,
		maxBytes: number,
		owner: QueueOwner,
		listener: DeliveryListener,
	) {
		this.#socket = socket;
		this.#scheduler = scheduler;
		this.#maxBytes = maxBytes;
		this.#owner = owner;
		this.#listener = listener;
		// One handler for every socket, no closure per queue.
		(socket as QueueSocket)[QUEUE] = this;
		socket.on('drain', OutboundQueue.#onDrain);
	}

	/** Bytes waiting in this queue while the socket takes no more (unblocked lines leave this tick). */
	get queuedBytes(): number {
		return this.#bytes;
	}

	push(line: string): void {
		if (this.#closed) return;
		// News that came before this line goes before it.
		if (this.#news !== undefined && this.#newsRead !== this.#news.end) this.catchUpNews();
		this.#pushLine(line);
	}

	#pushLine(line: string): void {
		const lines = this.#lines;
		lines.push(line);
		if (this.#blocked) {
			this.#count(line);
			return;
		}

		if (lines.length >= WRITE_EARLY_LINES) {
			this.flush();
			return;
		}

		if (!this.#marked) {
			this.#marked = true;
			this.#scheduler.mark(this);
		}
	}

	/** From now on this queue gets presence news, from what is published next. */
	followNews(news: PresenceNews): void {
		this.#news = news;
		this.#newsRead = news.end;
	}

	/** Queues the news not read yet, as one string shared with every queue as far behind. */
	catchUpNews(): void {
		const news = this.#news;
		if (news === undefined || this.#closed || this.#newsRead === news.end) return;
		const text = news.textSince(this.#newsRead);
		this.#newsRead = news.end;
		this.#pushLine(text);
	}

	/** The batch is due: the news not read yet goes out now. */
	sendNews(): void {
		const news = this.#news;
		if (news === undefined || this.#closed || this.#newsRead === news.end) return;
		if (this.#blocked || this.#lines.length > 0) {
			// Behind the lines already waiting (they came before the news), or counted while blocked.
			this.catchUpNews();
			this.flush();
			return;
		}

		// The usual case: nothing else waits, and the socket gets the bytes every reader shares.
		const bytes = news.bytesSince(this.#newsRead);
		this.#newsRead = news.end;
		if (!this.#socket.write(bytes)) this.#blocked = true;
	}

	/** Skips the news published since the last catch-up (news about this connection's own user). */
	skipNews(): void {
		if (this.#news !== undefined) this.#newsRead = this.#news.end;
	}

	/** Unblocked, lines leave this tick; only a socket that stopped taking data can overflow, so
	 * only then are bytes counted. */
	#count(line: string): void {
		this.#bytes += Buffer.byteLength(line) + 1;
		if (this.#bytes > this.#maxBytes && !this.#overflowed) {
			this.#overflowed = true;
			this.#owner.queueOverflow();
		}
	}

	/** Queues a relayed message; its sender hears of it when it is handed to the socket. */
	pushDelivery(delivery: Delivery): void {
		if (this.#closed) {
			this.#listener.dropped(delivery, 'user-left', 'the user left');
			return;
		}

		this.#deliveries.push(delivery);
		this.push(delivery.line);
	}

	flush(): void {
		this.#marked = false;
		if (this.#blocked || this.#closed || this.#lines.length === 0) return;
		const lines = this.#lines;
		// One line (the usual case at a steady load) needs no join; more get their last newline from
		// the join, so the socket is handed one flat string.
		let data: string;
		if (lines.length === 1) {
			data = (lines[0] ?? '') + '\n';
		} else {
			lines.push('');
			data = lines.join('\n');
		}

		lines.length = 0;
		this.#bytes = 0;
		if (!this.#socket.write(data)) this.#blocked = true;
		if (this.#deliveries.length === 0) return;
		// Swap first: a listener may queue on other sockets, never on this array.
		const handed = this.#deliveries;
		this.#deliveries = this.#spare;
		for (const delivery of handed) this.#listener.handedOver(delivery);
		handed.length = 0;
		this.#spare = handed;
	}

	/** Stops the queue and returns the relayed messages that never reached the socket. */
	close(): Delivery[] {
		this.#closed = true;
		this.#socket.off('drain', OutboundQueue.#onDrain);
		this.#lines = [];
		this.#bytes = 0;
		const undelivered = this.#deliveries;
		this.#deliveries = [];
		return undelivered;
	}

	static #onDrain(this: Socket): void {
		const queue = (this as QueueSocket)[QUEUE];
		queue.#blocked = false;
		if (queue.#lines.length > 0 && !queue.#marked) {
			queue.#marked = true;
			queue.#scheduler.mark(queue);
		}
	}
}
