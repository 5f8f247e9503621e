// Drives the UI reducer in plain tests: client events, commands and typing, one call each.
import type {ClientEvent} from '../../source/client/chat-client.js';
import {chatReducer} from '../../source/ui/state/chat-reducer.js';
import {initialChatState, type ChatState} from '../../source/ui/state/chat-state.js';
import type {Command} from '../../source/ui/keys/keymap.js';
import {messageAt} from '../../source/ui/state/message-log.js';

export const view = {width: 60, height: 10};

export function welcomed(users: string[], options: {follow?: boolean} = {}): ChatState {
	const state = initialChatState({self: 'alice', follow: options.follow ?? true});
	return events(state, {type: 'welcome', name: 'alice', users: ['alice', ...users]});
}

export function events(state: ChatState, ...list: ClientEvent[]): ChatState {
	return chatReducer(state, {type: 'client-events', events: list});
}

/** Client events that arrive at `now` (ms since the epoch). */
export function eventsAt(state: ChatState, now: number, ...list: ClientEvent[]): ChatState {
	return chatReducer(state, {type: 'client-events', events: list, now});
}

export function command(
	state: ChatState,
	name: Command,
	keyName = '',
	now = Date.now(),
): ChatState {
	return chatReducer(state, {type: 'command', command: name, keyName, view, now});
}

export function type(state: ChatState, text: string): ChatState {
	return chatReducer(state, {type: 'type-text', text});
}

/** Types a line and presses Enter (at `now`). */
export function submit(state: ChatState, text: string, now = Date.now()): ChatState {
	return command(type(state, text), 'submit', '', now);
}

let nextId = 1;
export function message(from: string, text: string): ClientEvent {
	const id = String(nextId++);
	return {type: 'message', id, time: Date.now(), from, to: 'alice', text};
}

/** The texts of a conversation, oldest first. */
export function texts(state: ChatState, partner: string): string[] {
	const log = state.conversations.get(partner)?.log;
	if (!log) return [];
	return Array.from({length: log.length}, (_, index) => messageAt(log, index)?.text ?? '');
}
