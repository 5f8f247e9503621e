// Feeds ChatClient events to the reducer, a burst at a time: events that arrive in the same turn
// of the event loop become one action and one frame, so a steady stream does not flicker.
import {useEffect, type Dispatch} from 'react';
import type {ChatClient, ClientEvent} from '../../client/chat-client.js';
import type {Clock} from '../clock.js';
import type {ChatHistory, EarlierDelivered} from '../../history/chat-history.js';
import type {ChatAction} from '../state/chat-reducer.js';

/** The parts of a longer message seen so far, by sender: the history keeps it once whole. */
type OpenParts = Map<
	string,
	{uid: string; time: number; text: string; more: number; action: boolean}
>;

/** Keeps what the history must: every message received, and the host's answers to ours. A
 * DELIVERED for a message an earlier session sent gives back which it was, for the screen. */
function record(
	history: ChatHistory,
	event: ClientEvent,
	open: OpenParts,
): EarlierDelivered | undefined {
	switch (event.type) {
		case 'message': {
			const {from} = event;
			const earlier = open.get(from);
			// A message of several parts is one message in the history, as on the screen, under
			// its first part's id and time (incoming-parts.ts joins them the same way).
			const uid = earlier?.uid ?? event.id;
			const time = earlier?.time ?? event.time;
			const text = earlier ? earlier.text + '\n'.repeat(earlier.more) + event.text : event.text;
			const action = earlier?.action ?? event.action === true;
			if (event.more === undefined) {
				open.delete(from);
				history.record(from, {uid, time, from, text, action});
			} else {
				open.set(from, {uid, time, text, more: event.more, action});
			}
			break;
		}
		case 'held':
		case 'stored':
		case 'delivered': {
			return history.recordResult(event.ref, {state: event.type});
		}
		case 'failed': {
			history.recordResult(event.ref, {state: 'failed', reason: event.reason});
			break;
		}
		default:
	}

	return undefined;
}

export function useClientEvents(
	client: ChatClient,
	dispatch: Dispatch<ChatAction>,
	clock: Clock,
	history: ChatHistory | undefined,
	/** Events the first state already holds (chat-app.tsx): recorded here, not dispatched again. */
	heard: readonly ClientEvent[],
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
		const open: OpenParts = new Map();
		const earlier = (found: EarlierDelivered | undefined) => {
			if (found) dispatch({type: 'delivered-earlier', ...found});
		};
		if (history) for (const event of heard) earlier(record(history, event, open));
		const unsubscribe = client.subscribe((event) => {
			if (history) earlier(record(history, event, open));
			queue.push(event);
			scheduled ??= setImmediate(flush);
		});
		return () => {
			unsubscribe();
			if (scheduled) clearImmediate(scheduled);
		};
	}, [client, dispatch, clock, history, heard]);
}
