// Frames for other hosts of the cluster (docs/cluster.md "Channels"): what this host sends one
// host in a tick goes out at the end of the tick in one PUBLISH, or, in a flood, in several of at
// most PUBLISH_BATCH_CHARS each. Every batch is published at once, never waiting for the one
// before: node-redis pipelines them on the one commands connection and Redis runs them in order,
// so the frames for one host keep their order and a busy tick never waits a round trip.

import type {Delivery} from '../relay/user.js';
import {hostChannel} from './cluster-keys.js';
import {PUBLISH_BATCH_CHARS} from './cluster-limits.js';
import type {RedisLink} from './redis-link.js';

type Batch = {
	readonly host: string;
	frames: string[];
	chars: number;
	/** The messages in the batch, failed if it never reaches the host. */
	deliveries: Delivery[];
};

/** What to do with the messages of a batch that did not reach its host, and why (a phrase). */
export type BatchLost = (deliveries: readonly Delivery[], why: string) => void;

export class FrameOutbox {
	readonly #link: RedisLink;
	readonly #lost: BatchLost;
	/** The batch filling now, per host. */
	readonly #open = new Map<string, Batch>();
	/** PUBLISHes Redis has not answered yet. */
	readonly #inFlight = new Set<Promise<void>>();
	#scheduled = false;

	constructor(link: RedisLink, lost: BatchLost) {
		this.#link = link;
		this.#lost = lost;
	}

	/** Queues one encoded frame for `host`; `delivery` is the message it carries, if any. */
	push(host: string, frame: string, delivery?: Delivery): void {
		let batch = this.#open.get(host);
		if (batch === undefined) {
			batch = {host, frames: [], chars: 0, deliveries: []};
			this.#open.set(host, batch);
			if (!this.#scheduled) {
				this.#scheduled = true;
				setImmediate(this.#flush);
			}
		}

		batch.frames.push(frame);
		batch.chars += frame.length + 1;
		if (delivery !== undefined) batch.deliveries.push(delivery);
		if (batch.chars >= PUBLISH_BATCH_CHARS) {
			this.#open.delete(host);
			this.#publish(batch);
		}
	}

	/** `host` is gone: what waits for it is not sent (its messages are failed by the routing). */
	forget(host: string): void {
		this.#open.delete(host);
	}

	/** Publishes what waits now, and resolves once Redis has taken every batch (before a shutdown). */
	async flushNow(): Promise<void> {
		this.#flush();
		await Promise.all(this.#inFlight);
	}

	readonly #flush = (): void => {
		this.#scheduled = false;
		for (const batch of this.#open.values()) this.#publish(batch);
		this.#open.clear();
	};

	#publish(batch: Batch): void {
		const published = this.#send(batch);
		this.#inFlight.add(published);
		void published.finally(() => this.#inFlight.delete(published));
	}

	async #send({host, frames, deliveries}: Batch): Promise<void> {
		try {
			const receivers = await this.#link.commands.publish(hostChannel(host), frames.join('\n'));
			// Nobody listens on the host's channel: it is gone, though its lease has not run out.
			if (receivers === 0) this.#lost(deliveries, 'is not answering');
		} catch {
			this.#lost(deliveries, 'cannot be reached: the cluster lost its Redis');
		}
	}
}
