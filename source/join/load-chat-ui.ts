// Loads the full-screen UI (Ink, React, Yoga: a good part of `chat join`'s start-up) while the
// client is already connecting and logging in, instead of before it starts.
import type {EndingSignal} from '../exit-codes.js';

type ChatUiModule = typeof import('./run-chat-ui.js');

/**
 * Runs `load` with no global fetch. yoga-layout's loader reads its inlined WebAssembly through
 * fetch() when there is one, and Node 20 loads its whole fetch implementation (undici) on the
 * first call (bench/README.md, "Client UI"); without fetch the loader decodes the same
 * bytes itself. Nothing in chat uses fetch, and it is back as soon as the UI's code has loaded.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!fetch?.configurable) return load();
	Reflect.deleteProperty(globalThis, 'fetch');
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', fetch);
	}
}

/**
 * The UI's code, or the signal that came while it loaded (the caller's wait heard it). The
 * caller's wait, not a step of this loader's own, so that no moment between the login and the
 * chat screen is left without one (exit-cleanup.ts).
 */
export async function loadChatUi(
	signalled: Promise<EndingSignal>,
): Promise<ChatUiModule | {signal: EndingSignal}> {
	return Promise.race([
		withoutFetch(async () => import('./run-chat-ui.js')),
		signalled.then((signal) => ({signal})),
	]);
}
