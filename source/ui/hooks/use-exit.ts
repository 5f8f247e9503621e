// Ends the UI: after a quit once the client has logged out (or a deadline passed), or at once
// when the session ended on its own.
import {useEffect, useRef} from 'react';
import type {ChatClient} from '../../client/chat-client.js';
import type {ChatState} from '../state/chat-state.js';

/** A host that does not answer QUIT must not keep the terminal: leave after this long anyway. */
export const QUIT_TIMEOUT_MS = 2000;

export type ChatOutcome = {exitCode: number; message?: string};

export async function quitWithDeadline(
	client: ChatClient,
	timeoutMs = QUIT_TIMEOUT_MS,
): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<void>((resolve) => {
		timer = setTimeout(resolve, timeoutMs);
	});
	try {
		await Promise.race([client.quit().catch(() => undefined), deadline]);
	} finally {
		clearTimeout(timer);
	}
}

export function useExit(
	client: ChatClient,
	state: Pick<ChatState, 'quitRequested' | 'ended'>,
	onExit: (outcome: ChatOutcome) => void,
): void {
	const quitting = useRef(false);
	useEffect(() => {
		if (state.ended) onExit(state.ended);
	}, [state.ended, onExit]);

	useEffect(() => {
		if (!state.quitRequested || quitting.current) return;
		quitting.current = true;
		void quitWithDeadline(client).then(() => {
			onExit({exitCode: 0});
		});
	}, [state.quitRequested, client, onExit]);
}
