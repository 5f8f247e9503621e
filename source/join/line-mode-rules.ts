// The relay's rules for a line client (docs/protocol.md "The plain face"), kept pure: what a
// typed line does, and what an event prints. line-mode.ts wires it to stdin and stdout.
import {formatCtime} from '../protocol/ctime.js';
import {nameKey} from '../protocol/name-rules.js';
import {
	PLAIN_CHOOSE_PARTNER,
	PLAIN_SELF,
	PLAIN_TO_NEEDS_NAME,
	formatPlainRelay,
	parsePlainCommand,
	plainUnknownUser,
} from '../protocol/plain-face.js';
import {sanitiseText} from '../protocol/sanitise-text.js';
import type {ClientEvent} from '../client/chat-client.js';

type LineModeState = {
	self: string;
	follow: boolean;
	partner: string | undefined;
	/** Online users by name key (case and look-alikes ignored, as the host compares). */
	users: Map<string, string>;
	/** Where each of our messages went, to name the partner in a failure line. */
	sentTo: Map<string, string>;
};

type InputEffect =
	| {kind: 'print'; line: string}
	| {kind: 'send'; to: string; text: string}
	| {kind: 'quit'}
	| {kind: 'nothing'};

export function createLineModeState(self: string, follow: boolean): LineModeState {
	return {self, follow, partner: undefined, users: new Map(), sentTo: new Map()};
}

/** What one line from stdin does. Empty lines are ignored, as the host ignores them. */
export function handleInputLine(state: LineModeState, line: string): InputEffect {
	if (line === '') return {kind: 'nothing'};
	const command = parsePlainCommand(line);
	switch (command.kind) {
		case 'quit': {
			return {kind: 'quit'};
		}

		case 'to': {
			if (command.name === '') return {kind: 'print', line: PLAIN_TO_NEEDS_NAME};
			const key = nameKey(command.name);
			if (key === nameKey(state.self)) return {kind: 'print', line: PLAIN_SELF};
			const user = state.users.get(key);
			if (user === undefined) return {kind: 'print', line: plainUnknownUser(command.name)};
			state.partner = user;
			return {kind: 'nothing'};
		}

		default: {
			// After login `pass:` is text, as on the plain face.
			if (state.partner === undefined) return {kind: 'print', line: PLAIN_CHOOSE_PARTNER};
			return {kind: 'send', to: state.partner, text: line};
		}
	}
}

/** Remembers where a sent message went. */
export function noteSent(state: LineModeState, ref: string, to: string): void {
	state.sentTo.set(ref, to);
}

/** The line an event prints on stdout, if any; also keeps the roster and the partner. */
export function handleClientEvent(state: LineModeState, event: ClientEvent): string | undefined {
	switch (event.type) {
		case 'welcome': {
			state.users = new Map(event.users.map((user) => [nameKey(user), user]));
			return undefined;
		}

		case 'roster': {
			state.users = new Map(event.users.map((user) => [nameKey(user), user]));
			return undefined;
		}

		case 'user-joined': {
			state.users.set(nameKey(event.name), event.name);
			return undefined;
		}

		case 'user-left': {
			state.users.delete(nameKey(event.name));
			return undefined;
		}

		case 'message': {
			if (state.follow) state.partner = event.from;
			const text = sanitiseText(event.text);
			return formatPlainRelay(formatCtime(event.time), sanitiseText(event.from), text);
		}

		case 'stored': {
			// Kept for later: said once, and the DELIVERED that follows needs the name no more.
			const to = state.sentTo.get(event.ref);
			state.sentTo.delete(event.ref);
			return to === undefined ? undefined : `message to ${to} stored: delivered when ${to} returns`;
		}

		case 'delivered': {
			state.sentTo.delete(event.ref);
			return undefined;
		}

		case 'failed': {
			const to = state.sentTo.get(event.ref);
			state.sentTo.delete(event.ref);
			return to === undefined
				? `message not delivered: ${event.reason}`
				: `message to ${to} not delivered: ${event.reason}`;
		}

		default: {
			return undefined;
		}
	}
}
