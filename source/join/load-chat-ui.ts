// Loads the full-screen UI (Ink, React, Yoga: a good part of `chat join`'s start-up) while the
// client is already connecting and logging in, instead of before it starts.
import type {ChatClient} from '../client/chat-client.js';
import {registerCleanup} from './exit-cleanup.js';
import {SIGNAL_EXIT_CODES} from '../exit-codes.js';

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
 * The UI's code, or the exit code of a signal that came while it loaded. The client may have
 * logged in by then, so a signal logs out first: the host frees the name at once rather than
 * holding it for a resume.
 */
export async function loadChatUi(client: ChatClient): Promise<ChatUiModule | {exitCode: number}> {
	let endCleanup: () => void = () => undefined;
	const signalled = new Promise<{exitCode: number}>((resolve) => {
		endCleanup = registerCleanup({
			onSignal(signal) {
				resolve({exitCode: SIGNAL_EXIT_CODES[signal]});
			},
		});
	});
	try {
		const loaded = await Promise.race([
			withoutFetch(async () => import('./run-chat-ui.js')),
			signalled,
		]);
		if ('exitCode' in loaded) await client.quit();
		return loaded;
	} finally {
		endCleanup();
	}
}
