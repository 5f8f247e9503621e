// A ChatClient for UI tests: records what the UI sends and lets the test emit client events.
import type {ChatClient, ClientEvent} from '../../source/client/chat-client.js';

export type FakeClient = ChatClient & {
	sends: Array<{ref: string; to: string; text: string}>;
	quits: number;
	emit(...events: ClientEvent[]): void;
	/** Emits a welcome for `self` with these other users online. */
	welcome(self: string, others: string[]): void;
	/** Emits a message to you. */
	message(from: string, text: string, time?: number): void;
	listenerCount(): number;
};

export function createFakeClient(options: {quitAnswers?: boolean} = {}): FakeClient {
	const listeners = new Set<(event: ClientEvent) => void>();
	let nextId = 1;
	const fake: FakeClient = {
		sends: [],
		quits: 0,
		send(to, text) {
			const ref = `r${fake.sends.length + 1}`;
			fake.sends.push({ref, to, text});
			return ref;
		},
		async quit() {
			fake.quits++;
			// Like the real client: the host confirms and the session closes.
			if (options.quitAnswers !== false)
				fake.emit({type: 'closed', code: 'quit', message: 'goodbye'});
			else await new Promise(() => undefined);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		emit(...events) {
			for (const event of events) for (const listener of [...listeners]) listener(event);
		},
		welcome(self, others) {
			fake.emit({type: 'welcome', name: self, users: [self, ...others]});
		},
		message(from, text, time = Date.now()) {
			const id = String(nextId++);
			fake.emit({type: 'message', id, time, from, to: 'alice', text});
		},
		listenerCount: () => listeners.size,
	};
	return fake;
}
