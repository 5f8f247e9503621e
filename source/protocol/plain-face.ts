// The plain face's exact strings (docs/protocol.md "The plain face"), kept compatible with the
// original netcat relay, and the classification of what a plain user types.

import {MAX_LINE_BYTES} from './limits.js';

export const PLAIN_WELCOME = 'Welcome!';
export const PLAIN_REUSE = 'Reuse';
export const PLAIN_CHOOSE_PARTNER = 'Please input the user who you want to chat with';
export const PLAIN_QUIT = 'quit';
export const PLAIN_TO_NEEDS_NAME = 'to: needs a user name, for example to:bob';
export const PLAIN_SELF = 'you cannot chat with yourself';
export const PLAIN_LINE_TOO_LONG = `Line too long (limit ${MAX_LINE_BYTES} bytes): it was discarded, not sent`;
export const PLAIN_SLOW_DOWN = 'You are sending too fast: slow down';
export const PLAIN_SHUTDOWN = 'The host is shutting down';
export const PLAIN_PASSWORD_NEEDED =
	'This host needs a password: send pass:PASSWORD first, then your name';
export const PLAIN_PASSWORD_WRONG = 'Wrong password';
export const PLAIN_PASSWORD_BUSY =
	'Too many password tries from your address are waiting; try again later';

/** The prefixes a plain user types; exact lowercase, as in the original relay. */
export const PLAIN_TO_PREFIX = 'to:';
export const PLAIN_PASS_PREFIX = 'pass:';

/** What a plain user types as a command and the host's one-word answer: names may not be one. */
export const PLAIN_WORDS = [
	PLAIN_QUIT,
	PLAIN_REUSE,
	PLAIN_TO_PREFIX.slice(0, -1),
	PLAIN_PASS_PREFIX.slice(0, -1),
] as const;

export function plainUnknownUser(name: string): string {
	return 'the user ' + name + ' does not exist';
}

export function plainInvalidName(reason: string): string {
	return 'Invalid name: ' + reason;
}

export function plainPartnerOffline(name: string): string {
	return 'the user ' + name + ' is offline, message not sent';
}

export function plainHeldFailed(name: string, count: number): string {
	return name + ' left before ' + String(count) + ' of your messages could be delivered';
}

/** A cluster host (docs/cluster.md) could not reach NAME's host: the messages were not sent. */
export function plainUnreachable(name: string, count: number): string {
	return `${name}'s host cannot be reached now: ${count} of your messages were not delivered`;
}

/** A login refused by the login rate; `reason` says who is counted and when to come back. */
export function plainTooManyLogins(reason: string): string {
	return 'Login refused: ' + reason;
}

export function plainDisconnected(reason: string): string {
	return 'Disconnected: ' + reason;
}

/** `[Wed Nov 25 18:40:00 2026] alice: hi bob` — how a plain user sees a message. */
export function formatPlainRelay(ctime: string, from: string, text: string): string {
	return '[' + ctime + '] ' + from + ': ' + text;
}

/** `[Wed Nov 25 18:40:00 2026] * alice waves` — a `/me` action, as IRC clients show one. */
export function formatPlainAction(ctime: string, from: string, text: string): string {
	return '[' + ctime + '] * ' + from + ' ' + text;
}

export type PlainCommand =
	| {kind: 'quit'}
	/** `name` is what follows `to:`, trimmed; empty for a bare `to:`. */
	| {kind: 'to'; name: string}
	/** Only a first line means a password; later the host relays `pass:…` as text. */
	| {kind: 'pass'; secret: string}
	| {kind: 'text'; text: string};

/** Classifies a non-empty plain line. */
export function parsePlainCommand(line: string): PlainCommand {
	if (line === PLAIN_QUIT) return {kind: 'quit'};
	if (line.startsWith(PLAIN_TO_PREFIX)) {
		return {kind: 'to', name: line.slice(PLAIN_TO_PREFIX.length).trim()};
	}

	if (line.startsWith(PLAIN_PASS_PREFIX)) {
		return {kind: 'pass', secret: line.slice(PLAIN_PASS_PREFIX.length)};
	}

	return {kind: 'text', text: line};
}
