// A ChatClient the benchmark drives by hand: every event reaches the UI as if from the network,
// through the client's own fan-out (which keeps early events for the first listener).
import type {ChatClient, ClientEvent} from '../source/client/chat-client.js';
import {createClientEvents} from '../source/client/client-events.js';

export class FakeChatClient implements ChatClient {
	#events = createClientEvents();
	#refs = 0;

	emit(event: ClientEvent): void {
		this.#events.emit(event);
	}

	send(): string {
		return `b${this.#refs++}`;
	}

	async quit(): Promise<void> {
		this.emit({type: 'closed', code: 'quit', message: 'goodbye'});
	}

	reconnect(): void {}

	subscribe(listener: (event: ClientEvent) => void): () => void {
		return this.#events.subscribe(listener);
	}
}
