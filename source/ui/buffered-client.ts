// Subscribes to a client at once and keeps its events until the UI subscribes, so nothing the
// client says between creation and the first render (a quick refusal, the welcome) is lost.
import type {ChatClient, ClientEvent} from '../client/chat-client.js';

export type BufferedClient = ChatClient & {
	/** Stops listening to the underlying client. */
	close(): void;
};

export function bufferClient(client: ChatClient): BufferedClient {
	let early: ClientEvent[] | undefined = [];
	const listeners = new Set<(event: ClientEvent) => void>();
	const unsubscribe = client.subscribe((event) => {
		if (early) early.push(event);
		for (const listener of listeners) listener(event);
	});
	return {
		send: (to, text) => client.send(to, text),
		quit: async () => client.quit(),
		subscribe(listener) {
			const replay = early ?? [];
			early = undefined;
			for (const event of replay) listener(event);
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		close: unsubscribe,
	};
}
