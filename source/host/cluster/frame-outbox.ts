// Frames for other hosts of the cluster (docs/cluster.md "Channels"): what this host sends one
// host in a tick goes out at the end of the tick in one PUBLISH, or, in a flood, in several of at
// most PUBLISH_BATCH_CHARS each, without waiting for one another: node-redis pipelines them on the
// one commands connection and Redis runs them in order, so the frames for one host keep their
// order and a busy tick never waits a round trip. A host is sent no more than UNANSWERED_PER_HOST
// messages ahead of its answers; past that, frames wait here, in batches that grow to the limit,
// not in Redis's output buffer for that host's subscriber.

import type {Delivery} from '../relay/user.js';
import {hostChannel} from './cluster-keys.js';
import {PUBLISH_BATCH_CHARS, UNANSWERED_PER_HOST} from './cluster-limits.js';

type Batch = {
	frames: string[];
	chars: number;
	/** The messages in the batch, failed if it never reaches the host. */
	deliveries: Delivery[];
};

/** What waits for one host: the batch filling now, the full ones in order, and their messages. */
type HostQueue = {
	readonly host: string;
	open: Batch | undefined;
	readonly sealed: Batch[];
	messages: number;
};

/** Where batches go: the commands connection of the host's RedisLink. */
export type Publisher = {publish(channel: string, payload: string): Promise<number>};

export type OutboxRouting = {
	/** How many messages wait on `host`'s answer, those waiting here included. */
	waitingOn(host: string): number;
	/** The messages of a batch that did not reach its host, and why (a phrase). */
	lost(deliveries: readonly Delivery[], why: string): void;
};

export class FrameOutbox {
	readonly #publisher: Publisher;
	readonly #routing: OutboxRouting;
	readonly #queues = new Map<string, HostQueue>();
	/** PUBLISHes Redis has not answered yet. */
	readonly #inFlight = new Set<Promise<void>>();
	#scheduled = false;
	/** Shutting down: everything goes, whatever the answers. */
	#draining = false;

	constructor(publisher: Publisher, routing: OutboxRouting) {
		this.#publisher = publisher;
		this.#routing = routing;
	}

	/** Queues one encoded frame for `host`; `delivery` is the message it carries, if any. */
	push(host: string, frame: string, delivery?: Delivery): void {
		let queue = this.#queues.get(host);
		if (queue === undefined) {
			queue = {host, open: undefined, sealed: [], messages: 0};
			this.#queues.set(host, queue);
		}

		let batch = queue.open;
		if (batch === undefined) {
			batch = {frames: [], chars: 0, deliveries: []};
			queue.open = batch;
			if (!this.#scheduled) {
				this.#scheduled = true;
				setImmediate(this.#flush);
			}
		}

		batch.frames.push(frame);
		batch.chars += frame.length + 1;
		if (delivery !== undefined) {
			batch.deliveries.push(delivery);
			queue.messages++;
		}

		if (batch.chars >= PUBLISH_BATCH_CHARS) {
			queue.open = undefined;
			queue.sealed.push(batch);
			this.#pump(queue);
		}
	}

	/** `host` is gone: what waits for it is not sent (its messages are failed by the routing). */
	forget(host: string): void {
		const queue = this.#queues.get(host);
		if (queue === undefined) return;
		queue.open = undefined;
		queue.sealed.length = 0;
		queue.messages = 0;
	}

	/** Redis went away: nothing waiting is sent (its messages are failed by the routing). */
	forgetAll(): void {
		for (const host of [...this.#queues.keys()]) this.forget(host);
	}

	/** `host` answered a message: what waits for it may go. */
	resume(host: string): void {
		const queue = this.#queues.get(host);
		if (queue !== undefined) this.#pump(queue);
	}

	/** Publishes everything that waits now, and resolves once Redis has taken it (before a shutdown). */
	async flushNow(): Promise<void> {
		this.#draining = true;
		this.#flush();
		this.#draining = false;
		while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
	}

	readonly #flush = (): void => {
		this.#scheduled = false;
		for (const queue of this.#queues.values()) this.#pump(queue);
	};

	/** Publishes the host's batches in order, the full ones first, while the host is less than
	 * UNANSWERED_PER_HOST messages behind; the one filling waits meanwhile, and grows. */
	#pump(queue: HostQueue): void {
		const {host} = queue;
		while (this.#draining || this.#routing.waitingOn(host) - queue.messages < UNANSWERED_PER_HOST) {
			let batch = queue.sealed.shift();
			if (batch === undefined) {
				batch = queue.open;
				queue.open = undefined;
			}

			if (batch === undefined) break;
			queue.messages -= batch.deliveries.length;
			const published = this.#send(host, batch).finally(() => {
				this.#inFlight.delete(published);
			});
			this.#inFlight.add(published);
		}

		if (queue.open === undefined && queue.sealed.length === 0) this.#queues.delete(host);
	}

	async #send(host: string, {frames, deliveries}: Batch): Promise<void> {
		try {
			const receivers = await this.#publisher.publish(hostChannel(host), frames.join('\n'));
			// Nobody listens on the host's channel: it is gone, though its lease has not run out.
			if (receivers === 0) this.#routing.lost(deliveries, 'is not answering');
		} catch {
			this.#routing.lost(deliveries, 'cannot be reached: the cluster lost its Redis');
		}
	}
}
