// Fans ClientEvents out to listeners. Events emitted while nobody listens (between creating the
// client and the UI mounting) are kept for the next listener, so none is lost.
import type {ClientEvent} from './chat-client.js';

type Listener = (event: ClientEvent) => void;

export type ClientEvents = {
	emit(event: ClientEvent): void;
	/** Emits on the next microtask: for results of `send()`, whose caller does not know the ref yet. */
	emitSoon(event: ClientEvent): void;
	subscribe(listener: Listener): () => void;
};

export function createClientEvents(): ClientEvents {
	const listeners = new Set<Listener>();
	const unheard: ClientEvent[] = [];
	const emit = (event: ClientEvent) => {
		if (listeners.size === 0) {
			unheard.push(event);
			return;
		}

		for (const listener of [...listeners]) listener(event);
	};

	return {
		emit,
		emitSoon(event) {
			queueMicrotask(() => {
				emit(event);
			});
		},
		subscribe(listener) {
			listeners.add(listener);
			for (const event of unheard.splice(0)) listener(event);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
