// A ChatClient the benchmark drives by hand: every event reaches the UI as if from the network.
import type {ChatClient, ClientEvent} from '../source/client/chat-client.js';

export class FakeChatClient implements ChatClient {
	#listeners = new Set<(event: ClientEvent) => void>();
	#refs = 0;

	emit(event: ClientEvent): void {
		for (const listener of this.#listeners) listener(event);
	}

	send(): string {
		return `b${this.#refs++}`;
	}

	async quit(): Promise<void> {
		this.emit({type: 'closed', code: 'quit', message: 'goodbye'});
	}

	subscribe(listener: (event: ClientEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}
}
