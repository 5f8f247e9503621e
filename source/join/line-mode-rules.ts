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
import {EXIT_FAILURE, EXIT_NOT_DELIVERED} from '../exit-codes.js';

type LineModeState = {
	self: string;
	follow: boolean;
	partner: string | undefined;
	/** Online users by name key (case and look-alikes ignored, as the host compares). */
	users: Map<string, string>;
	/** Where each of our messages went, to name the partner in a failure line. */
	sentTo: Map<string, string>;
	/** Lines that did not do what they said: text with no partner, a `to:` that failed. */
	refusedLines: number;
	/** Our messages that failed, or had no answer when the session ended. */
	undelivered: number;
};

type InputEffect =
	| {kind: 'print'; line: string}
	| {kind: 'send'; to: string; text: string}
	| {kind: 'quit'}
	| {kind: 'nothing'};

export function createLineModeState(self: string, follow: boolean): LineModeState {
	return {
		self,
		follow,
		partner: undefined,
		users: new Map(),
		sentTo: new Map(),
		refusedLines: 0,
		undelivered: 0,
	};
}

/**
 * What one line from stdin does. Empty lines are ignored, as the host ignores them. A `to:` that
 * fails leaves no partner, so the text after it is refused rather than sent to the one before.
 */
export function handleInputLine(state: LineModeState, line: string): InputEffect {
	const effect = lineEffect(state, line);
	if (effect.kind === 'print') state.refusedLines++;
	return effect;
}

function lineEffect(state: LineModeState, line: string): InputEffect {
	if (line === '') return {kind: 'nothing'};
	const command = parsePlainCommand(line);
	switch (command.kind) {
		case 'quit': {
			return {kind: 'quit'};
		}

		case 'to': {
			const user = state.users.get(nameKey(command.name));
			const refusal =
				command.name === ''
					? PLAIN_TO_NEEDS_NAME
					: nameKey(command.name) === nameKey(state.self)
						? PLAIN_SELF
						: user === undefined
							? plainUnknownUser(command.name)
							: undefined;
			state.partner = refusal === undefined ? user : undefined;
			return refusal === undefined ? {kind: 'nothing'} : {kind: 'print', line: refusal};
		}

		default: {
			// After login `pass:` is text, as on the plain face.
			if (state.partner === undefined) return {kind: 'print', line: PLAIN_CHOOSE_PARTNER};
			return {kind: 'send', to: state.partner, text: line};
		}
	}
}

/** How line mode ends, as a script reads it (docs: readme "Exit codes"). */
export function lineModeExitCode(state: LineModeState, sessionFailed: boolean): number {
	if (sessionFailed) return EXIT_FAILURE;
	return state.refusedLines > 0 || state.undelivered > 0 ? EXIT_NOT_DELIVERED : 0;
}

/** Messages still waiting for their result when the session ends count as not delivered. */
export function noteUnanswered(state: LineModeState): void {
	state.undelivered += state.sentTo.size;
	state.sentTo.clear();
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

		case 'delivered': {
			state.sentTo.delete(event.ref);
			return undefined;
		}

		case 'failed': {
			const to = state.sentTo.get(event.ref);
			state.sentTo.delete(event.ref);
			state.undelivered++;
			return to === undefined
				? `message not delivered: ${event.reason}`
				: `message to ${to} not delivered: ${event.reason}`;
		}

		default: {
			return undefined;
		}
	}
}
