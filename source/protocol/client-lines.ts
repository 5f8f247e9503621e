// Client → host lines of the structured face (docs/protocol.md "Client → host"): encoders for the
// client, and the parser the host runs on every line, so it stays allocation-light.

import {isDecimal, isValidRef, NO_REF} from './message-ref.js';
import {encodeMessageOptions, parseMessageOptions, type MessageOptions} from './message-options.js';
import {parseStructuredLine} from './structured-line.js';

/** Every verb a client may send; the parser below has a case for each, and names may not be one. */
export const CLIENT_VERBS = ['HELLO', 'SEND', 'PING', 'PONG', 'QUIT'] as const;
type ClientVerb = (typeof CLIENT_VERBS)[number];
const CLIENT_VERB_SET: ReadonlySet<string> = new Set(CLIENT_VERBS);

function clientVerb(verb: string): ClientVerb | undefined {
	return CLIENT_VERB_SET.has(verb) ? (verb as ClientVerb) : undefined;
}

export type Hello = {
	kind: 'hello';
	version: string;
	name: string;
	password?: string;
	resume?: string;
	last?: string;
};

export type ClientLine =
	| Hello
	| {kind: 'send'; ref: string; to: string; text: string; options?: MessageOptions}
	| {kind: 'ping'; token: string}
	| {kind: 'pong'; token: string}
	| {kind: 'quit'}
	| {kind: 'unknown'; verb: string}
	| {kind: 'bad'; verb: string; reason: string};

export type HelloOptions = {name: string; password?: string; resume?: string; last?: string};

/** `HELLO 1 <name> [password=P] [resume=T] [last=ID]`; none of them may contain a space. */
export function encodeHello(version: number, options: HelloOptions): string {
	let line = 'HELLO ' + String(version) + ' ' + options.name;
	if (options.password !== undefined) line += ' password=' + options.password;
	if (options.resume !== undefined) line += ' resume=' + options.resume;
	if (options.last !== undefined) line += ' last=' + options.last;
	return line;
}

/** `SEND ref to [kind=action] [more=N] :text`; without options the line is the original form. */
export function encodeSend(
	ref: string,
	to: string,
	text: string,
	options?: MessageOptions,
): string {
	return 'SEND ' + ref + ' ' + to + encodeMessageOptions(options) + ' :' + text;
}

export function encodeQuit(): string {
	return 'QUIT';
}

function bad(verb: string, reason: string): ClientLine {
	return {kind: 'bad', verb, reason};
}

function parseHello(params: string[]): ClientLine {
	const [version, name, ...options] = params;
	if (version === undefined || name === undefined) {
		return bad('HELLO', 'HELLO needs a version and a name: HELLO 1 <name>');
	}

	const hello: Hello = {kind: 'hello', version, name};
	for (const option of options) {
		const equals = option.indexOf('=');
		const key = equals === -1 ? option : option.slice(0, equals);
		const value = option.slice(equals + 1);
		if (equals === -1 || value === '') {
			return bad('HELLO', `the option ${key} needs a value: ${key}=VALUE`);
		}

		if (key === 'password') hello.password = value;
		else if (key === 'resume') hello.resume = value;
		else if (key === 'last') {
			if (!isDecimal(value)) return bad('HELLO', 'last= needs a message id');
			hello.last = value;
		}
		// Unknown options are ignored, so a newer client can still log in.
	}

	return hello;
}

/** Classifies one line from a structured client. Never throws. */
export function parseClientLine(line: string): ClientLine {
	const {verb, params, trailing} = parseStructuredLine(line);
	// Switching on the typed verb makes the compiler hold the cases and CLIENT_VERBS to each other.
	switch (clientVerb(verb)) {
		case 'SEND': {
			// `SEND ref to :text`; a one-word text may also come without its `:`.
			const text = trailing ?? (params.length === 3 ? params[2] : undefined);
			// Before a trailing text, known options only (message-options.ts); no sender, ever.
			const options = trailing === undefined ? {} : parseMessageOptions(params.slice(2));
			const count = trailing === undefined ? 3 : Math.max(2, params.length);
			const [ref, to] = params;
			if (
				ref === undefined ||
				to === undefined ||
				text === undefined ||
				options === undefined ||
				params.length !== count
			) {
				return bad(verb, 'SEND needs a ref, a name and a text: SEND <ref> <name> :<text>');
			}

			if (ref === NO_REF) {
				return bad(
					verb,
					`the ref ${NO_REF} is reserved: MSG marks a plain sender's message with it`,
				);
			}

			if (!isValidRef(ref)) {
				return bad(verb, 'a ref is 1 to 32 of the characters A-Z a-z 0-9 . _ -');
			}

			return params.length > 2 && trailing !== undefined
				? {kind: 'send', ref, to, text, options}
				: {kind: 'send', ref, to, text};
		}

		case 'PING':
		case 'PONG': {
			const token = params[0] ?? trailing ?? '';
			return verb === 'PING' ? {kind: 'ping', token} : {kind: 'pong', token};
		}

		case 'QUIT': {
			return {kind: 'quit'};
		}

		case 'HELLO': {
			return parseHello(params);
		}

		case undefined: {
			return {kind: 'unknown', verb};
		}
	}
}
