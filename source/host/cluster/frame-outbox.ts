// Frames for other hosts of the cluster (docs/cluster.md "Channels"): what this host sends one
// host in a tick goes out at the end of the tick in one PUBLISH, or, in a flood, in several of at
// most PUBLISH_BATCH_CHARS each. Up to PUBLISHES_IN_FLIGHT batches per host go out without waiting
// for one another: node-redis pipelines them on the one commands connection and Redis runs them in
// order, so the frames for one host keep their order and a busy tick seldom waits a round trip.
// Past that, frames wait here, in batches that grow to the limit, rather than in Redis's buffer
// for the receiving host's subscriber.

import type {Delivery} from '../relay/user.js';
import {hostChannel} from './cluster-keys.js';
import {PUBLISHES_IN_FLIGHT, PUBLISH_BATCH_CHARS} from './cluster-limits.js';

type Batch = {
	frames: string[];
	chars: number;
	/** The messages in the batch, failed if it never reaches the host. */
	deliveries: Delivery[];
};

/** What waits for one host: the batch filling now, the full ones in order, the PUBLISHes out. */
type HostQueue = {
	readonly host: string;
	open: Batch | undefined;
	readonly sealed: Batch[];
	inFlight: number;
};

/** Where batches go: the commands connection of the host's RedisLink. */
export type Publisher = {publish(channel: string, payload: string): Promise<number>};

/** What to do with the messages of a batch that did not reach its host, and why (a phrase). */
export type BatchLost = (deliveries: readonly Delivery[], why: string) => void;

export class FrameOutbox {
	readonly #publisher: Publisher;
	readonly #lost: BatchLost;
	readonly #queues = new Map<string, HostQueue>();
	/** PUBLISHes Redis has not answered yet. */
	readonly #inFlight = new Set<Promise<void>>();
	#scheduled = false;

	constructor(publisher: Publisher, lost: BatchLost) {
		this.#publisher = publisher;
		this.#lost = lost;
	}

	/** Queues one encoded frame for `host`; `delivery` is the message it carries, if any. */
	push(host: string, frame: string, delivery?: Delivery): void {
		let queue = this.#queues.get(host);
		if (queue === undefined) {
			queue = {host, open: undefined, sealed: [], inFlight: 0};
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
		if (delivery !== undefined) batch.deliveries.push(delivery);
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
	}

	/** Publishes what waits now, and resolves once Redis has taken every batch (before a shutdown). */
	async flushNow(): Promise<void> {
		this.#flush();
		while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
	}

	readonly #flush = (): void => {
		this.#scheduled = false;
		for (const queue of this.#queues.values()) this.#pump(queue);
	};

	/** Publishes the host's batches in order, the full ones first, as far as PUBLISHES_IN_FLIGHT
	 * allows; the one filling waits for a free place, and grows meanwhile. */
	#pump(queue: HostQueue): void {
		while (queue.inFlight < PUBLISHES_IN_FLIGHT) {
			let batch = queue.sealed.shift();
			if (batch === undefined) {
				batch = queue.open;
				queue.open = undefined;
			}

			if (batch === undefined) break;
			queue.inFlight++;
			const published = this.#send(queue.host, batch).finally(() => {
				queue.inFlight--;
				this.#inFlight.delete(published);
				this.#pump(queue);
			});
			this.#inFlight.add(published);
		}

		if (queue.inFlight === 0 && queue.open === undefined) this.#queues.delete(queue.host);
	}

	async #send(host: string, {frames, deliveries}: Batch): Promise<void> {
		try {
			const receivers = await this.#publisher.publish(hostChannel(host), frames.join('\n'));
			// Nobody listens on the host's channel: it is gone, though its lease has not run out.
			if (receivers === 0) this.#lost(deliveries, 'is not answering');
		} catch {
			this.#lost(deliveries, 'cannot be reached: the cluster lost its Redis');
		}
	}
}
