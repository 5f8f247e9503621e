// Ends the UI: after a quit once the client has logged out, or at once when the session ended on
// its own. The client's quit() keeps the one quit deadline (QUIT_ANSWER_TIMEOUT_MS), so a host
// that never answers cannot keep the terminal.
import {useEffect, useRef} from 'react';
import type {ChatClient} from '../../client/chat-client.js';
import type {ChatState} from '../state/chat-state.js';

export type ChatOutcome = {exitCode: number; message?: string};

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
		void client
			.quit()
			.catch(() => undefined)
			.then(() => {
				onExit({exitCode: 0});
			});
	}, [state.quitRequested, client, onExit]);
}
