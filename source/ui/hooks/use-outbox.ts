// Hands messages the reducer queued to the client, once each, and reports the ref it chose.
import {useEffect, useRef, type Dispatch} from 'react';
import type {ChatClient} from '../../client/chat-client.js';
import type {ChatAction} from '../state/chat-reducer.js';
import type {OutgoingMessage} from '../state/chat-state.js';

export function useOutbox(
	client: ChatClient,
	outbox: readonly OutgoingMessage[],
	dispatch: Dispatch<ChatAction>,
): void {
	const handed = useRef(new Set<number>());
	useEffect(() => {
		for (const item of outbox) {
			if (handed.current.has(item.localId)) continue;
			handed.current.add(item.localId);
			try {
				const ref = item.action
					? client.send(item.to, item.text, {action: true})
					: client.send(item.to, item.text);
				dispatch({type: 'sent', localId: item.localId, ref});
			} catch (error: unknown) {
				const reason = error instanceof Error ? error.message : String(error);
				dispatch({type: 'send-failed', localId: item.localId, reason});
			}
		}
	}, [client, outbox, dispatch]);
}
