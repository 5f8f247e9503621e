// Records a ChatClient's events and waits for the next one that matches, with a deadline
// instead of sleeps.
import type {ChatClient, ClientEvent} from '../../source/client/chat-client.js';

export const EVENT_DEADLINE_MS = 10_000;

export type ClientEventLog = {
	readonly events: ClientEvent[];
	/**
	 * Resolves with the first matching event of `type` after the last one of that type a previous
	 * wait returned (each type has its own cursor, so waiting for one type skips no other).
	 */
	next<T extends ClientEvent['type']>(
		type: T,
		matches?: (event: Extract<ClientEvent, {type: T}>) => boolean,
		deadlineMs?: number,
	): Promise<Extract<ClientEvent, {type: T}>>;
	/** Every recorded event of one type so far. */
	all<T extends ClientEvent['type']>(type: T): Array<Extract<ClientEvent, {type: T}>>;
	stop(): void;
};

export function recordClientEvents(client: ChatClient): ClientEventLog {
	const events: ClientEvent[] = [];
	const cursors = new Map<string, number>();
	const waiters = new Set<() => void>();
	const stop = client.subscribe((event) => {
		events.push(event);
		for (const waiter of [...waiters]) waiter();
	});
	return {
		events,
		async next(type, matches, deadlineMs = EVENT_DEADLINE_MS) {
			type Wanted = Extract<ClientEvent, {type: typeof type}>;
			return new Promise<Wanted>((resolve, reject) => {
				const check = () => {
					for (let index = cursors.get(type) ?? 0; index < events.length; index++) {
						const event = events[index];
						if (event?.type === type && (matches === undefined || matches(event as Wanted))) {
							cursors.set(type, index + 1);
							waiters.delete(check);
							clearTimeout(timer);
							resolve(event as Wanted);
							return;
						}
					}
				};

				const timer = setTimeout(() => {
					waiters.delete(check);
					const seen = events.map((event) => JSON.stringify(event)).join('\n');
					reject(new Error(`no '${type}' event within ${deadlineMs} ms; events so far:\n${seen}`));
				}, deadlineMs);
				waiters.add(check);
				check();
			});
		},
		all(type) {
			return events.filter((event) => event.type === type) as never;
		},
		stop,
	};
}
