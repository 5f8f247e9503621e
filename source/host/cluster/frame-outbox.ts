// Frames for other hosts of the cluster (docs/cluster.md "Channels"): what this host sends one
// host in a tick goes out at the end of the tick in one PUBLISH, or, in a flood, in several of
// about PUBLISH_BATCH_CHARS each, their frames joined once, when the batch is sealed or sent.
// PUBLISHES_IN_FLIGHT of them per host go out without waiting for one another (node-redis
// pipelines them on the one commands connection and Redis runs them in order, so frames keep
// their order); what comes meanwhile joins the next, so a busy relay sends fewer, larger payloads,
// each costing both hosts and Redis a wake-up. A host is sent no more than
// UNANSWERED_CHARS_PER_HOST of messages ahead of its answers; past that, messages wait here, in
// batches that grow to the limit, not in Redis's output buffer for that host's subscriber.
// Answers have a queue of their own that waits neither for the window nor for the messages'
// PUBLISHes in flight, so they may pass messages queued before them, never other answers; the
// messages handed over are one `d` frame at the head of a batch. A few of those that no payload
// of messages took wait ANSWER_LINGER_MS for one, rather than go alone.

import {hostChannel} from './cluster-keys.js';
import {
	ANSWER_LINGER_MAX,
	ANSWER_LINGER_MS,
	PUBLISHES_IN_FLIGHT,
	PUBLISH_BATCH_CHARS,
	PUBLISH_TIMEOUT_MS,
	UNANSWERED_CHARS_PER_HOST,
} from './cluster-limits.js';
import {
	encodeDelivered,
	appendMessage,
	noPreviousMessage,
	type PreviousMessage,
} from './host-frames.js';
import type {Forwarded} from './pending-answers.js';

/** Characters a number adds to a `d` frame, at most, counted against PUBLISH_BATCH_CHARS. */
const DELIVERED_SEQ_CHARS = 11;

type Batch = {
	/** Its frames' pieces and the newlines between them, joined when it is sealed or sent. */
	frames: string[];
	/** Their characters and newlines. */
	chars: number;
	/** Its last message frame, which the next may continue. */
	readonly previous: PreviousMessage;
	/** The messages in the batch, failed if it never reaches the host. */
	readonly forwarded: Forwarded[];
	/** Answers: the numbers of the host's messages handed over, sent as one `d` frame first. */
	delivered: number[];
	/** The answers' batch taken ahead of these frames, into the same PUBLISH. */
	ahead: Batch | undefined;
};

function batchChars(batch: Batch): number {
	return batch.chars + batch.delivered.length * DELIVERED_SEQ_CHARS;
}

/** Starts a frame in the batch: the newline after the one before, counted whether or not. */
function startFrame(batch: Batch): void {
	if (batch.frames.length > 0) batch.frames.push('\n');
	batch.chars++;
}

/** Adds a whole frame to the batch's pieces. */
function addFrame(batch: Batch, frame: string): void {
	startFrame(batch);
	batch.frames.push(frame);
	batch.chars += frame.length;
}

/** `text` and `frame`, a newline between them when both have something. */
function joined(text: string, frame: string): string {
	if (text === '') return frame;
	return frame === '' ? text : text + '\n' + frame;
}

/** What waits for one host: the batch filling now, the full ones in order, and the characters of
 * their messages' lines. */
type HostQueue = {
	readonly host: string;
	/** False for the answers, which never wait for the other host's: two hosts each waiting for
	 * the other's answers, queued behind its own messages, would wait for ever. */
	readonly windowed: boolean;
	open: Batch | undefined;
	readonly sealed: Batch[];
	messageChars: number;
};

/** A PUBLISH on its way: settled once Redis answers, fails, or is too long about it. */
type InFlight = {
	readonly host: string;
	readonly batch: Batch;
	/** Where it counts against PUBLISHES_IN_FLIGHT: the messages' count or the answers'. */
	readonly counts: Map<string, number>;
	readonly sentAt: number;
	settled: boolean;
	/** Resolves once it is settled, whichever way. */
	readonly done: Promise<void>;
	readonly settle: () => void;
};

/** Where batches go: the publisher of the host's RedisLink. */
export type Publisher = {publish(channel: string, payload: string): Promise<number>};

export type OutboxRouting = {
	/** Characters of the lines of the messages that wait on `host`'s answer, those here included. */
	waitingOn(host: string): number;
	/** The messages of a batch that did not reach its host, and why (a phrase). */
	lost(forwarded: readonly Forwarded[], why: string): void;
};

export class FrameOutbox {
	readonly #publisher: Publisher;
	readonly #routing: OutboxRouting;
	readonly #queues = new Map<string, HostQueue>();
	/** The answers for each host's messages, in their own queue (so in their own order). */
	readonly #answers = new Map<string, HostQueue>();
	/** PUBLISHes Redis has not answered yet, and how many per host. */
	readonly #inFlight = new Set<InFlight>();
	readonly #inFlightTo = new Map<string, number>();
	/** The answers' PUBLISHes, counted apart: an answer never waits for a payload of messages. */
	readonly #answersInFlightTo = new Map<string, number>();
	#scheduled = false;
	/** Set while answers linger for a payload of messages to ride in (ANSWER_LINGER_MS). */
	#linger: NodeJS.Timeout | undefined;
	/** True while the linger's end sends what lingered. */
	#lingerOver = false;
	/** Shutting down: everything goes, whatever the answers. */
	#draining = false;

	constructor(publisher: Publisher, routing: OutboxRouting) {
		this.#publisher = publisher;
		this.#routing = routing;
	}

	/** Queues one encoded frame for `host` that carries no message. */
	push(host: string, frame: string): void {
		const queue = this.#queue(this.#queues, host, true);
		const batch = this.#openBatch(queue);
		addFrame(batch, frame);
		this.#sealIfFull(queue, batch);
	}

	/** Queues the message frame of `forwarded` for `host`; `origin` is the host that stamped it.
	 * True if that filled a payload, which was sealed and published if the window lets it. */
	pushMessage(host: string, forwarded: Forwarded, origin: string): boolean {
		const queue = this.#queue(this.#queues, host, true);
		const batch = this.#openBatch(queue);
		const {id, time, ref, sender, recipient, line} = forwarded.delivery;
		const {seq} = forwarded;
		startFrame(batch);
		batch.chars += appendMessage(
			batch.frames,
			batch.previous,
			seq,
			id,
			time,
			ref,
			sender.key,
			sender.name,
			recipient.key,
			origin,
			line,
			forwarded.delivery.plainText,
		);
		batch.forwarded.push(forwarded);
		queue.messageChars += line.length;
		return this.#sealIfFull(queue, batch);
	}

	/** Queues an answer frame for `host`: it goes at the end of the tick, whatever the window. */
	pushAnswer(host: string, frame: string): void {
		const queue = this.#queue(this.#answers, host, false);
		const batch = this.#openBatch(queue);
		addFrame(batch, frame);
		this.#sealIfFull(queue, batch);
	}

	/** Queues the answer that `host`'s message `seq` was handed over, in the batch's `d` frame. */
	pushDelivered(host: string, seq: number): void {
		const queue = this.#queue(this.#answers, host, false);
		const batch = this.#openBatch(queue);
		batch.delivered.push(seq);
		this.#sealIfFull(queue, batch);
	}

	#queue(queues: Map<string, HostQueue>, host: string, windowed: boolean): HostQueue {
		let queue = queues.get(host);
		if (queue === undefined) {
			queue = {host, windowed, open: undefined, sealed: [], messageChars: 0};
			queues.set(host, queue);
		}

		return queue;
	}

	#openBatch(queue: HostQueue): Batch {
		let batch = queue.open;
		if (batch === undefined) {
			batch = {
				frames: [],
				chars: 0,
				previous: noPreviousMessage(),
				forwarded: [],
				delivered: [],
				ahead: undefined,
			};
			queue.open = batch;
			if (!this.#scheduled) {
				this.#scheduled = true;
				setImmediate(this.#flush);
			}
		}

		return batch;
	}

	#sealIfFull(queue: HostQueue, batch: Batch): boolean {
		if (batchChars(batch) < PUBLISH_BATCH_CHARS) return false;
		queue.open = undefined;
		// Joined now: a batch that waits for the window would keep its frames' pieces alive through
		// collections, each of which copies them.
		batch.frames = [batch.frames.join('')];
		queue.sealed.push(batch);
		this.#pump(queue);
		return true;
	}

	/** `host` is gone: what waits for it is not sent (its messages are failed by the routing). */
	forget(host: string): void {
		for (const queue of [this.#queues.get(host), this.#answers.get(host)]) {
			if (queue === undefined) continue;
			queue.open = undefined;
			queue.sealed.length = 0;
			queue.messageChars = 0;
		}
	}

	/** Redis went away: nothing waiting is sent (its messages are failed by the routing). */
	forgetAll(): void {
		for (const host of [...this.#queues.keys(), ...this.#answers.keys()]) this.forget(host);
	}

	/** `host` answered a message, or Redis a PUBLISH to it: what waits for it may go. */
	resume(host: string): void {
		for (const queue of [this.#answers.get(host), this.#queues.get(host)]) {
			if (queue !== undefined) this.#pump(queue);
		}
	}

	/** Publishes everything that waits now, and resolves once Redis has taken it (before a shutdown). */
	async flushNow(): Promise<void> {
		this.#draining = true;
		this.#flush();
		this.#draining = false;
		while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight].map(({done}) => done));
	}

	/**
	 * Fails the messages of every PUBLISH Redis has not answered for PUBLISH_TIMEOUT_MS by `now`,
	 * and lets what waits behind them go. The publisher sets no timeout of its own on a PUBLISH
	 * (cluster-limits.ts says why); the routing calls this from its sweep.
	 */
	failOverdue(now: number): void {
		for (const entry of this.#inFlight) {
			if (now - entry.sentAt < PUBLISH_TIMEOUT_MS) continue;
			if (!this.#settle(entry)) continue;
			this.#routing.lost(
				entry.batch.forwarded,
				"cannot be reached: the cluster's Redis is not answering",
			);
		}
	}

	readonly #flush = (): void => {
		this.#scheduled = false;
		// Messages first, so the tick's answers ride in their payload; answers left over go alone.
		for (const queue of this.#queues.values()) this.#pump(queue);
		for (const queue of this.#answers.values()) this.#pump(queue);
	};

	/** Publishes the host's batches in order, the full ones first, while the host is less than
	 * UNANSWERED_CHARS_PER_HOST behind; the one filling waits meanwhile, and grows. */
	#pump(queue: HostQueue): void {
		const {host} = queue;
		const inFlightTo = queue.windowed ? this.#inFlightTo : this.#answersInFlightTo;
		while (
			this.#draining ||
			((inFlightTo.get(host) ?? 0) < PUBLISHES_IN_FLIGHT &&
				(!queue.windowed ||
					this.#routing.waitingOn(host) - queue.messageChars < UNANSWERED_CHARS_PER_HOST))
		) {
			let batch = queue.sealed.shift();
			if (batch === undefined) {
				batch = queue.open;
				if (batch !== undefined && this.#lingers(queue, batch)) break;
				queue.open = undefined;
			}

			if (batch === undefined) break;
			if (queue.windowed) this.#takeAnswers(host, batch);
			for (const each of batch.forwarded) queue.messageChars -= each.delivery.line.length;
			inFlightTo.set(host, (inFlightTo.get(host) ?? 0) + 1);
			let settle = () => {};
			const done = new Promise<void>((resolve) => {
				settle = resolve;
			});
			const entry: InFlight = {
				host,
				batch,
				counts: inFlightTo,
				sentAt: Date.now(),
				settled: false,
				done,
				settle,
			};
			this.#inFlight.add(entry);
			void this.#send(entry);
		}

		if (queue.open === undefined && queue.sealed.length === 0) {
			(queue.windowed ? this.#queues : this.#answers).delete(host);
		}
	}

	/** True if `batch`, the answers filling for a host, waits a little for messages to ride with:
	 * only a few messages handed over, no failure, no shutdown. Starts the linger's timer. */
	#lingers(queue: HostQueue, batch: Batch): boolean {
		if (queue.windowed || this.#draining || this.#lingerOver) return false;
		if (batch.frames.length > 0 || batch.delivered.length >= ANSWER_LINGER_MAX) return false;
		if (this.#linger === undefined)
			this.#linger = setTimeout(this.#lingerEnds, ANSWER_LINGER_MS).unref();
		return true;
	}

	readonly #lingerEnds = (): void => {
		this.#linger = undefined;
		this.#lingerOver = true;
		for (const queue of this.#answers.values()) this.#pump(queue);
		this.#lingerOver = false;
	};

	/** Puts the answers waiting for `host` ahead of `batch`, when none are held back before them:
	 * one PUBLISH instead of two, each of which costs both hosts and Redis a wake-up. */
	#takeAnswers(host: string, batch: Batch): void {
		const answers = this.#answers.get(host);
		const open = answers?.open;
		if (answers === undefined || open === undefined || answers.sealed.length > 0) return;
		answers.open = undefined;
		batch.ahead = open;
		batch.delivered = open.delivered;
		this.#answers.delete(host);
	}

	async #send(entry: InFlight): Promise<void> {
		const {host, batch} = entry;
		let lost: string | undefined;
		try {
			const receivers = await this.#publisher.publish(hostChannel(host), payloadOf(batch));
			// Nobody listens on the host's channel: it is gone, though its lease has not run out.
			if (receivers === 0) lost = 'is not answering';
		} catch {
			lost = 'cannot be reached: the cluster lost its Redis';
		}

		// Already failed as overdue: its answer, come late, changes nothing.
		if (!this.#settle(entry)) return;
		if (lost !== undefined) this.#routing.lost(batch.forwarded, lost);
	}

	/** Settles `entry` once: it no longer counts in flight, and what waits for its host may go.
	 * False if it was settled before. */
	#settle(entry: InFlight): boolean {
		if (entry.settled) return false;
		entry.settled = true;
		this.#inFlight.delete(entry);
		const {host, counts} = entry;
		const left = (counts.get(host) ?? 1) - 1;
		if (left > 0) counts.set(host, left);
		else counts.delete(host);
		entry.settle();
		// After the caller has failed what it carried, if it failed: a microtask later.
		queueMicrotask(() => {
			this.resume(host);
		});
		return true;
	}
}

/** The batch's payload: the `d` frame, the answers taken ahead, then its own frames. */
function payloadOf({frames, delivered, ahead}: Batch): string {
	const text = frames.join('');
	const answers = delivered.length > 0 ? encodeDelivered(delivered) : '';
	return joined(joined(answers, ahead?.frames.join('') ?? ''), text);
}
