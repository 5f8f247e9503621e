// The user list: who is online, away, or gone but kept because a conversation with them is open.
// Its order and numbers are list-numbers.ts's: the open conversations first, then everyone else.
import {listedWith, listOrder, numberClosed, numberOpened} from './list-numbers.js';
import type {ChatState, Presence} from './chat-state.js';

/** The roster after a welcome: everyone listed is online; open conversations keep the others. */
export function applyRoster(state: ChatState, self: string, roster: readonly string[]): ChatState {
	const presence = new Map<string, Presence>();
	for (const name of roster) if (name !== self) presence.set(name, 'online');
	for (const name of state.conversations.keys()) {
		if (!presence.has(name)) presence.set(name, 'offline');
	}
	return {...state, self, presence, users: listOrder(state.numbers, presence.keys())};
}

export function setPresence(state: ChatState, name: string, value: Presence): ChatState {
	if (name === state.self || state.presence.get(name) === value) return state;
	const presence = new Map(state.presence);
	presence.set(name, value);
	// Someone already listed keeps their place: a join, an away or a back moves nobody else.
	const users = state.presence.has(name)
		? state.users
		: listedWith(state.users, state.numbers, name);
	return {...state, presence, users};
}

/** A user left: dropped from the list unless a conversation with them is open. */
export function userLeft(state: ChatState, name: string): ChatState {
	const left = new Set(state.left).add(name);
	if (state.conversations.has(name)) return {...setPresence(state, name, 'offline'), left};
	return {...removeUser(state, name), left};
}

export function removeUser(state: ChatState, name: string): ChatState {
	if (!state.presence.has(name)) return state;
	const presence = new Map(state.presence);
	presence.delete(name);
	return {...state, presence, users: state.users.filter((user) => user !== name)};
}

/** Makes sure `name` is listed (a message can come from someone the roster has not shown yet). */
export function ensureListed(state: ChatState, name: string): ChatState {
	return state.presence.has(name) ? state : setPresence(state, name, 'online');
}

/**
 * The conversation with `name` was just opened: it takes the next number, and its partner is
 * listed (as offline if the roster does not have them, as after a welcome).
 */
export function conversationNumbered(state: ChatState, name: string): ChatState {
	const numbers = numberOpened(state.numbers, name);
	if (name === state.self) return {...state, numbers};
	const presence = state.presence.has(name)
		? state.presence
		: new Map(state.presence).set(name, 'offline');
	return {...state, numbers, presence, users: listedWith(state.users, numbers, name)};
}

/** The conversation with `name` was closed: its number is freed and the ones above move down. */
export function conversationUnnumbered(state: ChatState, name: string): ChatState {
	const numbers = numberClosed(state.numbers, name);
	// Closing keeps the order of the rest: only the closed one moves, to its place by name.
	const rest = state.users.filter((user) => user !== name);
	const users = state.presence.has(name) ? listedWith(rest, numbers, name) : rest;
	return {...state, numbers, users};
}
