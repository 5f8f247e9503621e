// The user list: who is online, away, or gone but kept because a conversation with them is open.
import {inNumberOrder, numberNames} from './list-numbers.js';
import type {ChatState, Presence} from './chat-state.js';

/** The list is in the order of its stable numbers (list-numbers.ts). */
function withPresence(state: ChatState, presence: Map<string, Presence>): ChatState {
	const numbers = numberNames(state.numbers, presence.keys());
	return {...state, presence, numbers, users: inNumberOrder(numbers)};
}

/** The roster after a welcome: everyone listed is online; open conversations keep the others. */
export function applyRoster(state: ChatState, self: string, roster: readonly string[]): ChatState {
	const presence = new Map<string, Presence>();
	for (const name of roster) if (name !== self) presence.set(name, 'online');
	for (const name of state.conversations.keys()) {
		if (!presence.has(name)) presence.set(name, 'offline');
	}
	return withPresence({...state, self}, presence);
}

export function setPresence(state: ChatState, name: string, value: Presence): ChatState {
	if (name === state.self || state.presence.get(name) === value) return state;
	const presence = new Map(state.presence);
	presence.set(name, value);
	return withPresence(state, presence);
}

/** A user left: dropped from the list unless a conversation with them is open. */
export function userLeft(state: ChatState, name: string): ChatState {
	if (state.conversations.has(name)) return setPresence(state, name, 'offline');
	return removeUser(state, name);
}

export function removeUser(state: ChatState, name: string): ChatState {
	if (!state.presence.has(name)) return state;
	const presence = new Map(state.presence);
	presence.delete(name);
	return withPresence(state, presence);
}

/** Makes sure `name` is listed (a message can come from someone the roster has not shown yet). */
export function ensureListed(state: ChatState, name: string): ChatState {
	return state.presence.has(name) ? state : setPresence(state, name, 'online');
}
