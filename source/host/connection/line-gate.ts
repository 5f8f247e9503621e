// Meters a connection's incoming lines through its token bucket (docs/protocol.md "Limits").
// Lines that find the bucket empty wait in a backlog while the socket is paused, so a flood is
// slowed by TCP itself; the pause stops the framer too, so the backlog is one line and the rest of
// the chunk already read waits as bytes (line-framer.ts).
// The flood rule: lines that keep waiting for `floodMs` without a break longer than
// FLOOD_EPISODE_GAP_MS mean the client is flooding, and the sink is told to disconnect it.

import {FLOOD_EPISODE_GAP_MS} from '../../protocol/limits.js';
import type {TokenBucket} from './token-bucket.js';

/** What the gate asks of its connection; an interface, so no closure per connection. */
export type LineGateSink = {
	gateLine(line: string): void;
	/** Lines are waiting: stop reading the socket. */
	gatePause(): void;
	/** The backlog is empty: read again. */
	gateResume(): void;
	/** Lines had to wait for the first time on this connection. */
	gateThrottled(): void;
	/** The client kept flooding. */
	gateFlood(): void;
};

export class LineGate {
	readonly #bucket: TokenBucket | undefined;
	readonly #floodMs: number;
	readonly #sink: LineGateSink;
	/** Lines waiting for tokens; made on the first wait (most connections never wait). */
	#backlog: string[] | undefined;
	#head = 0;
	#timer: NodeJS.Timeout | undefined;
	#episodeStart = 0;
	#lastDrained = Number.NEGATIVE_INFINITY;
	#warned = false;
	#stopped = false;

	/** `bucket` undefined means no rate limit. */
	constructor(bucket: TokenBucket | undefined, floodMs: number, sink: LineGateSink) {
		this.#bucket = bucket;
		this.#floodMs = floodMs;
		this.#sink = sink;
	}

	/** True when no line is waiting. */
	get idle(): boolean {
		return this.#head === (this.#backlog?.length ?? 0);
	}

	/** Lines waiting; one in the host, whose framer stops at the line that paused it. */
	get waiting(): number {
		return (this.#backlog?.length ?? 0) - this.#head;
	}

	offer(line: string): void {
		if (this.#stopped) return;
		const bucket = this.#bucket;
		if (bucket === undefined || (this.idle && bucket.take(Date.now()))) {
			this.#sink.gateLine(line);
			return;
		}

		const backlog = (this.#backlog ??= []);
		backlog.push(line);
		if (backlog.length - this.#head === 1) this.#startWaiting(bucket);
	}

	/** Lets a fresh login start with a full burst. */
	refill(): void {
		this.#bucket?.fill(Date.now());
	}

	stop(): void {
		this.#stopped = true;
		this.#backlog = undefined;
		this.#head = 0;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#startWaiting(bucket: TokenBucket): void {
		const now = Date.now();
		if (now - this.#lastDrained > FLOOD_EPISODE_GAP_MS) this.#episodeStart = now;

		this.#sink.gatePause();
		if (!this.#warned) {
			this.#warned = true;
			this.#sink.gateThrottled();
			if (this.#stopped) return;
		}

		this.#schedule(bucket, now);
	}

	#schedule(bucket: TokenBucket, now: number): void {
		if (now - this.#episodeStart >= this.#floodMs) {
			this.#sink.gateFlood();
			return;
		}

		const wait = Math.max(1, bucket.msUntilToken(now));
		this.#timer = setTimeout(LineGate.#drain, wait, this);
	}

	/** Shared by every gate: no closure per connection. */
	static #drain(gate: LineGate): void {
		gate.#timer = undefined;
		const now = Date.now();
		const bucket = gate.#bucket;
		const backlog = gate.#backlog;
		if (bucket === undefined || backlog === undefined) return;
		while (!gate.#stopped && gate.#head < backlog.length && bucket.take(now)) {
			const line = backlog[gate.#head] ?? '';
			gate.#head++;
			gate.#sink.gateLine(line);
		}

		if (gate.#stopped) return;
		if (gate.idle) {
			gate.#backlog = undefined;
			gate.#head = 0;
			gate.#lastDrained = now;
			gate.#sink.gateResume();
			return;
		}

		gate.#schedule(bucket, now);
	}
}
