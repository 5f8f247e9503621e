// A terminal without a terminal: Ink renders into FakeStdout, which notes when a frame holding
// some text was written, and reads keys from FakeStdin.
import {EventEmitter} from 'node:events';
import {withDeadline} from './deferred.js';

const FRAME_DEADLINE_MS = 30_000;

type Waiter = {needle: string; resolve: (at: number) => void};

export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	writable = true;
	writes = 0;
	#waiters: Waiter[] = [];

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	write = (data: string | Uint8Array, callback?: () => void): boolean => {
		const at = performance.now();
		this.writes++;
		if (this.#waiters.length > 0) {
			const text = typeof data === 'string' ? data : Buffer.from(data).toString();
			this.#waiters = this.#waiters.filter((waiter) => {
				if (!text.includes(waiter.needle)) return true;
				waiter.resolve(at);
				return false;
			});
		}
		callback?.();
		return true;
	};

	/** Resolves with the time of the next write that contains `needle`. */
	async nextFrameWith(needle: string): Promise<number> {
		const written = new Promise<number>((resolve) => this.#waiters.push({needle, resolve}));
		return withDeadline(written, FRAME_DEADLINE_MS, `a frame showing "${needle}"`);
	}
}

export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	#pending: string[] = [];

	/** Types `keys` as a terminal would deliver them. */
	type(keys: string): void {
		this.#pending.push(keys);
		this.emit('readable');
	}

	read = (): string | null => this.#pending.shift() ?? null;
	setEncoding(): this {
		return this;
	}
	setRawMode(): this {
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
	resume(): this {
		return this;
	}
	pause(): this {
		return this;
	}
}
