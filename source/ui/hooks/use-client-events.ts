// Feeds ChatClient events to the reducer, a burst at a time: events that arrive in the same turn
// of the event loop become one action and one frame, so a steady stream does not flicker.
import {useEffect, type Dispatch} from 'react';
import type {ChatClient, ClientEvent} from '../../client/chat-client.js';
import type {Clock} from '../clock.js';
import type {ChatAction} from '../state/chat-reducer.js';

export function useClientEvents(
	client: ChatClient,
	dispatch: Dispatch<ChatAction>,
	clock: Clock,
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
			queue.push(event);
			scheduled ??= setImmediate(flush);
		});
		return () => {
			unsubscribe();
			if (scheduled) clearImmediate(scheduled);
		};
	}, [client, dispatch, clock]);
}
