// Hands messages the reducer queued to the client, once each, and reports the ref it chose.
import {useEffect, useRef, type Dispatch} from 'react';
import type {ChatClient} from '../../client/chat-client.js';
import type {ChatHistory} from '../../history/chat-history.js';
import type {ChatAction} from '../state/chat-reducer.js';
import type {OutgoingMessage} from '../state/chat-state.js';

/** The history keeps a sent message from the moment it is handed over, with its ref. */
function record(
	history: ChatHistory | undefined,
	self: string,
	item: OutgoingMessage,
	outcome: {ref: string} | {reason: string},
): void {
	if (!history || item.uid === undefined || item.time === undefined) return;
	const {uid, time, text} = item;
	const message = {uid, time, from: self, text, action: item.action === true};
	if ('ref' in outcome) {
		history.record(item.to, {...message, delivery: {state: 'sending'}}, outcome.ref);
	} else {
		history.record(item.to, {...message, delivery: {state: 'failed', reason: outcome.reason}});
	}
}

export function useOutbox(
	client: ChatClient,
	outbox: readonly OutgoingMessage[],
	dispatch: Dispatch<ChatAction>,
	history?: {history: ChatHistory | undefined; self: string},
): void {
	const handed = useRef(new Set<number>());
	useEffect(() => {
		for (const item of outbox) {
			if (handed.current.has(item.localId)) continue;
			handed.current.add(item.localId);
			let ref: string;
			try {
				ref = item.action
					? client.send(item.to, item.text, {action: true})
					: client.send(item.to, item.text);
			} catch (error: unknown) {
				const reason = error instanceof Error ? error.message : String(error);
				record(history?.history, history?.self ?? '', item, {reason});
				dispatch({type: 'send-failed', localId: item.localId, reason});
				continue;
			}
			record(history?.history, history?.self ?? '', item, {ref});
			dispatch({type: 'sent', localId: item.localId, ref});
		}
	}, [client, outbox, dispatch, history]);
}
