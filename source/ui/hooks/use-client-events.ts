// Feeds ChatClient events to the reducer, a burst at a time: events that arrive in the same turn
// of the event loop become one action and one frame, so a steady stream does not flicker.
import {useEffect, type Dispatch} from 'react';
import type {ChatClient, ClientEvent} from '../../client/chat-client.js';
import type {Clock} from '../clock.js';
import type {ChatHistory} from '../../history/chat-history.js';
import type {ChatAction} from '../state/chat-reducer.js';

/** Keeps what the history must: every message received, and the host's answers to ours. */
function record(history: ChatHistory, event: ClientEvent): void {
	switch (event.type) {
		case 'message': {
			const {id: uid, time, from, text} = event;
			history.record(from, {uid, time, from, text});
			break;
		}
		case 'held':
		case 'delivered': {
			history.recordResult(event.ref, {state: event.type});
			break;
		}
		case 'failed': {
			history.recordResult(event.ref, {state: 'failed', reason: event.reason});
			break;
		}
		default:
	}
}

export function useClientEvents(
	client: ChatClient,
	dispatch: Dispatch<ChatAction>,
	clock: Clock,
	history?: ChatHistory,
): void {
	useEffect(() => {
		let queue: ClientEvent[] = [];
		let scheduled: NodeJS.Immediate | undefined;
		const flush = () => {
			scheduled = undefined;
			const events = queue;
			queue = [];
			dispatch({type: 'client-events', events, now: clock.now()});
		};
		const unsubscribe = client.subscribe((event) => {
			if (history) record(history, event);
			queue.push(event);
			scheduled ??= setImmediate(flush);
		});
		return () => {
			unsubscribe();
			if (scheduled) clearImmediate(scheduled);
		};
	}, [client, dispatch, clock, history]);
}
