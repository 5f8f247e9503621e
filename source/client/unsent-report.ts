// Messages still waiting when a session ends fail inside the UI, which is already gone by then.
// This keeps their text so `chat join` can print them after the terminal is restored: nothing
// a person typed is lost without a word.
import type {ChatClient, ClientEvent} from './chat-client.js';
import {MAX_UNSENT_PREVIEW_CHARS} from './limits.js';

type UnsentReport = {
	/** The client to hand to the UI: the same client, with its sends remembered until they settle. */
	client: ChatClient;
	/** One line per message that failed because the session ended, in the order they were typed. */
	lines(): string[];
};

function preview(text: string): string {
	const chars = [...text];
	return chars.length <= MAX_UNSENT_PREVIEW_CHARS
		? text
		: `${chars.slice(0, MAX_UNSENT_PREVIEW_CHARS).join('')}…`;
}

export function trackUnsent(client: ChatClient): UnsentReport {
	const waiting = new Map<string, {to: string; text: string}>();
	const unsent: string[] = [];
	// Observed through the UI's own subscriptions: a listener of ours would take the events the
	// client keeps for its first listener. The same event object reaches every listener, once.
	const seen = new WeakSet<ClientEvent>();
	const observe = (event: ClientEvent) => {
		if (seen.has(event)) return;
		seen.add(event);
		if (event.type === 'delivered') waiting.delete(event.ref);
		if (event.type !== 'failed') return;
		const message = waiting.get(event.ref);
		waiting.delete(event.ref);
		// Only the session's end is reported here; other failures were shown in the UI.
		if (message && event.code === 'not-sent') {
			unsent.push(`${event.reason}: to ${message.to}: ${preview(message.text)}`);
		}
	};

	return {
		client: {
			send(to, text, options) {
				// The options (an action) go on: dropping them sent every /me as plain text.
				const ref = client.send(to, text, options);
				waiting.set(ref, {to, text});
				return ref;
			},
			quit: () => client.quit(),
			reconnect() {
				client.reconnect();
			},
			subscribe: (listener) =>
				client.subscribe((event) => {
					observe(event);
					listener(event);
				}),
		},
		lines: () => [...unsent],
	};
}
