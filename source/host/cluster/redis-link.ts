// The host's two connections to Redis (one for commands, one subscribed to the host's channels)
// and whether both are up. node-redis reconnects each on its own with reconnect-delay.ts and
// subscribes again; commands sent while a connection is down fail at once instead of waiting in
// a queue, so a send that needs Redis fails rather than hangs. One log line when Redis goes away
// and one when it is back.

import {createClient} from 'redis';
import {REDIS_CONNECT_TIMEOUT_MS} from './cluster-limits.js';
import {reconnectDelayMs} from './reconnect-delay.js';

type Client = ReturnType<typeof createClient>;

export type RedisLinkEvents = {
	/** Both connections are up again after an outage (not called for the first connect). */
	back(): void;
	/** Redis went away: what waits for an answer from other hosts will not get one. */
	lost(): void;
};

export class RedisLink {
	readonly commands: Client;
	/** The commands connection for the PUBLISHes between hosts, with no node-redis timeout: the
	 * outbox times them itself (PUBLISH_TIMEOUT_MS says why). */
	readonly publisher: Pick<Client, 'publish'>;
	readonly subscriber: Client;
	readonly #log: (line: string) => void;
	#events: RedisLinkEvents | undefined;
	#started = false;
	#up = false;
	#downSince = 0;
	#stopping = false;

	constructor(url: string, log: (line: string) => void) {
		this.#log = log;
		const options = {
			url,
			RESP: 2 as const,
			disableOfflineQueue: true,
			socket: {
				connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
				reconnectStrategy: (retries: number, cause: Error) =>
					// The first connect is not retried: chat host says at once that Redis is not there.
					this.#started ? reconnectDelayMs(retries, Math.random()) : cause,
			},
		};
		this.commands = createClient(options);
		this.publisher = this.commands.withCommandOptions({timeout: 0});
		this.subscriber = this.commands.duplicate();
		for (const client of [this.commands, this.subscriber]) {
			client.on('error', (error: Error) => {
				this.#wentDown(error.message);
			});
			client.on('reconnecting', () => {
				this.#wentDown('the connection closed');
			});
			client.on('ready', () => {
				this.#cameUp();
			});
		}
	}

	/** True while both connections can carry commands. */
	get up(): boolean {
		return this.#up;
	}

	/** Connects both; rejects with the reason when Redis cannot be reached. */
	async connect(events: RedisLinkEvents): Promise<void> {
		this.#events = events;
		await Promise.all([this.commands.connect(), this.subscriber.connect()]);
		this.#started = true;
		this.#up = true;
	}

	async close(): Promise<void> {
		this.#stopping = true;
		this.#up = false;
		await Promise.allSettled([this.commands.close(), this.subscriber.close()]);
	}

	#wentDown(reason: string): void {
		if (!this.#started || this.#stopping || !this.#up) return;
		this.#up = false;
		this.#downSince = Date.now();
		this.#log(
			`redis unreachable (${reason}): relaying between this host's users only, reconnecting`,
		);
		this.#events?.lost();
	}

	#cameUp(): void {
		if (!this.#started || this.#stopping || this.#up) return;
		if (!this.commands.isReady || !this.subscriber.isReady) return;
		this.#up = true;
		const seconds = ((Date.now() - this.#downSince) / 1000).toFixed(1);
		this.#log(`redis is back after ${seconds} s: registering this host's users again`);
		this.#events?.back();
	}
}
