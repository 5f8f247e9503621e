// A ChatClient for UI tests: records what the UI sends and lets the test emit client events.
// Its events go through the client's own fan-out, so, like the real client, it keeps what it
// says before anyone listens for the first listener.
import type {ChatClient, ClientEvent} from '../../source/client/chat-client.js';
import {createClientEvents} from '../../source/client/client-events.js';

export type FakeClient = ChatClient & {
	sends: Array<{ref: string; to: string; text: string; action?: boolean}>;
	quits: number;
	/** How many times the UI asked to reconnect now. */
	reconnects: number;
	emit(...events: ClientEvent[]): void;
	/** Emits a welcome for `self` with these other users online. */
	welcome(self: string, others: string[]): void;
	/** Emits a message to you. */
	message(from: string, text: string, time?: number): void;
	listenerCount(): number;
};

export function createFakeClient(): FakeClient {
	const events = createClientEvents();
	let listeners = 0;
	let nextId = 1;
	const fake: FakeClient = {
		sends: [],
		quits: 0,
		reconnects: 0,
		send(to, text, options) {
			const ref = `r${fake.sends.length + 1}`;
			fake.sends.push(options?.action === true ? {ref, to, text, action: true} : {ref, to, text});
			return ref;
		},
		async quit() {
			fake.quits++;
			// Like the real client: the host confirms and the session closes.
			fake.emit({type: 'closed', code: 'quit', message: 'goodbye'});
		},
		reconnect() {
			fake.reconnects++;
		},
		subscribe(listener) {
			listeners++;
			const unsubscribe = events.subscribe(listener);
			let subscribed = true;
			return () => {
				if (subscribed) listeners--;
				subscribed = false;
				unsubscribe();
			};
		},
		emit(...list) {
			for (const event of list) events.emit(event);
		},
		welcome(self, others) {
			fake.emit({type: 'welcome', name: self, users: [self, ...others]});
		},
		message(from, text, time = Date.now()) {
			const id = String(nextId++);
			fake.emit({type: 'message', id, time, from, to: 'alice', text});
		},
		listenerCount: () => listeners,
	};
	return fake;
}
