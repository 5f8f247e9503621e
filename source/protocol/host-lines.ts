// Host → client lines of the structured face (docs/protocol.md "Host → client"): encoders the
// host runs for every relayed message (plain concatenation, no arrays), and the client's parser.

import {MAX_ROSTER_LINE_BYTES} from './limits.js';
import {isDecimal, NO_REF} from './message-ref.js';
import {encodeMessageOptions, parseMessageOptions, type MessageOptions} from './message-options.js';
import {sanitiseText} from './sanitise-text.js';
import {parseStructuredLine} from './structured-line.js';

/** Message ids are decimal integers; the host may keep them as numbers or bigints. */
export type MessageId = string | number | bigint;

/** The host's rate limit for a client's lines (docs/protocol.md "Pacing"); rate 0: no limit. */
export type Pacing = {rate: number; burst: number};

export function encodeWelcome(
	name: string,
	resumeToken: string,
	graceSeconds: number,
	pacing?: Pacing,
): string {
	const line = 'WELCOME ' + name + ' ' + resumeToken + ' ' + String(graceSeconds);
	if (pacing === undefined) return line;
	return line + ' rate=' + String(pacing.rate) + ' burst=' + String(pacing.burst);
}

/** `rate=N burst=N` after WELCOME's fields; undefined from a host that does not say (an old one). */
function parsePacing(params: readonly string[]): Pacing | undefined {
	let rate: number | undefined;
	let burst: number | undefined;
	for (const param of params) {
		const [key, value = ''] = param.split('=', 2);
		if (!isDecimal(value)) continue;
		if (key === 'rate') rate = Number(value);
		else if (key === 'burst') burst = Number(value);
	}

	return rate === undefined || burst === undefined ? undefined : {rate, burst};
}

/** The roster as `USERS` lines, each under MAX_ROSTER_LINE_BYTES, then `keyLines` (`KEY` lines,
 * encodeKey), then `USERS-END`. */
export function encodeRoster(names: readonly string[], keyLines: readonly string[] = []): string[] {
	const lines: string[] = [];
	let line = 'USERS';
	let bytes = line.length;
	for (const name of names) {
		const size = 1 + Buffer.byteLength(name);
		if (bytes + size >= MAX_ROSTER_LINE_BYTES && line !== 'USERS') {
			lines.push(line);
			line = 'USERS';
			bytes = line.length;
		}

		line += ' ' + name;
		bytes += size;
	}

	if (line !== 'USERS' || lines.length === 0) lines.push(line);
	lines.push(...keyLines, 'USERS-END');
	return lines;
}

export type PresenceVerb = 'JOIN' | 'LEAVE' | 'AWAY' | 'BACK';

export function encodePresence(verb: PresenceVerb, name: string): string {
	return verb + ' ' + name;
}

/** `KEY <name> <fingerprint>`: the key a user proved; after its `JOIN`, and in a roster after
 * the `USERS` lines. */
export function encodeKey(name: string, fingerprint: string): string {
	return 'KEY ' + name + ' ' + fingerprint;
}

/** `CHALLENGE <host-id> <nonce>`: the host asks a client that sent `key=` for its proof. */
export function encodeChallenge(hostId: string, nonce: string): string {
	return 'CHALLENGE ' + hostId + ' ' + nonce;
}

export function encodeMsg(
	id: MessageId,
	time: number,
	from: string,
	to: string,
	ref: string | undefined,
	text: string,
	options?: MessageOptions,
): string {
	return `MSG ${id} ${time} ${from} ${to} ${ref ?? NO_REF}${encodeMessageOptions(options)} :${text}`;
}

/** The flag after a MSG's ref that marks a message kept while its recipient was offline. */
const STORED_FLAG = 'stored';

/** A MSG kept for its recipient while offline, handed on at login (docs/protocol.md "Offline"),
 * with the options its SEND had after the flag. */
export function encodeStoredMsg(
	id: MessageId,
	time: number,
	from: string,
	to: string,
	ref: string | undefined,
	text: string,
	options?: MessageOptions,
): string {
	// The flag stands where a live MSG's options begin: right after the ref.
	return encodeMsg(id, time, from, to, `${ref ?? NO_REF} ${STORED_FLAG}`, text, options);
}

export function encodeDelivered(ref: string, id: MessageId, time: number): string {
	return `DELIVERED ${ref} ${id} ${time}`;
}

/** The id and the time of a line `encodeMsg` made: its second and third fields. */
export function msgIdAndTime(line: string): {id: string; time: string} {
	const idEnd = line.indexOf(' ', 4);
	const timeEnd = line.indexOf(' ', idEnd + 1);
	return {id: line.slice(4, idEnd), time: line.slice(idEnd + 1, timeEnd)};
}

/** The text of a line `encodeMsg` made: after the first ` :`, since no field before it has one. */
export function msgText(line: string): string {
	return line.slice(line.indexOf(' :') + 2);
}

/** The options of a line `encodeMsg` or `encodeStoredMsg` made (the fields after its ref, but the
 * `stored` flag); undefined when it has none. */
export function msgOptions(line: string): MessageOptions | undefined {
	const params = line.slice(0, line.indexOf(' :')).split(' ').slice(6);
	const known = params.filter((param) => param !== STORED_FLAG);
	return known.length > 0 ? parseMessageOptions(known) : undefined;
}

/** The DELIVERED line for a message, made from the MSG line it was delivered as. */
export function deliveredFromMsg(ref: string, msgLine: string): string {
	const {id, time} = msgIdAndTime(msgLine);
	return encodeDelivered(ref, id, Number(time));
}

export function encodeHeld(ref: string, id: MessageId, time: number): string {
	return `HELD ${ref} ${id} ${time}`;
}

export function encodeStored(ref: string, id: MessageId, time: number): string {
	return `STORED ${ref} ${id} ${time}`;
}

export function encodeFailed(ref: string, code: string, reason: string): string {
	return 'FAILED ' + ref + ' ' + code + ' :' + reason;
}

/**
 * `ERROR`, `REFUSED` and `BYE` share one shape: a code and a sentence. The sentence may quote what
 * the client sent (an unsupported `HELLO` version), so it is cleaned like a text.
 */
export function encodeCoded(
	verb: 'ERROR' | 'REFUSED' | 'BYE',
	code: string,
	reason: string,
): string {
	return verb + ' ' + code + ' :' + sanitiseText(reason);
}

export function encodePing(token: string): string {
	return 'PING ' + token;
}

/** The token is the one `PING` sent, echoed: cleaned like a text. */
export function encodePong(token: string): string {
	return 'PONG ' + sanitiseText(token);
}

export type HostLine =
	| {
			kind: 'welcome';
			name: string;
			resumeToken: string;
			graceSeconds: number;
			/** Undefined from an old host, which also reads no message options. */
			pacing?: Pacing;
	  }
	| {kind: 'users'; names: string[]}
	| {kind: 'users-end'}
	| {kind: 'join' | 'leave' | 'away' | 'back'; name: string}
	| {kind: 'key'; name: string; fingerprint: string}
	| {kind: 'challenge'; hostId: string; nonce: string}
	| {
			kind: 'msg';
			id: string;
			time: number;
			from: string;
			to: string;
			ref: string | undefined;
			text: string;
			options?: MessageOptions;
			/** Kept by the host while you were offline (the `stored` flag); absent otherwise. */
			stored?: true;
	  }
	| {kind: 'delivered' | 'held' | 'stored'; ref: string; id: string; time: number}
	| {kind: 'failed'; ref: string; code: string; reason: string}
	| {kind: 'error' | 'refused' | 'bye'; code: string; reason: string}
	| {kind: 'ping' | 'pong'; token: string}
	| {kind: 'unknown'; verb: string}
	| {kind: 'bad'; verb: string; reason: string};

/** Every verb the host may send; the parser below has a case for each, and names may not be one. */
export const HOST_VERBS = [
	'WELCOME',
	'USERS',
	'USERS-END',
	'JOIN',
	'LEAVE',
	'AWAY',
	'BACK',
	'MSG',
	'DELIVERED',
	'HELD',
	'STORED',
	'FAILED',
	'ERROR',
	'REFUSED',
	'BYE',
	'PING',
	'PONG',
	'CHALLENGE',
	'KEY',
] as const;
type HostVerb = (typeof HOST_VERBS)[number];
const HOST_VERB_SET: ReadonlySet<string> = new Set(HOST_VERBS);

function hostVerb(verb: string): HostVerb | undefined {
	return HOST_VERB_SET.has(verb) ? (verb as HostVerb) : undefined;
}

const PRESENCE_KINDS = {JOIN: 'join', LEAVE: 'leave', AWAY: 'away', BACK: 'back'} as const;

function bad(verb: string): HostLine {
	return {
		kind: 'bad',
		verb,
		reason: `the host sent a ${verb} line this client does not understand`,
	};
}

/** Classifies one line from the host. Never throws. */
export function parseHostLine(line: string): HostLine {
	const {verb, params, trailing} = parseStructuredLine(line);
	const [first = '', second = '', third = ''] = params;
	// Switching on the typed verb makes the compiler hold the cases and HOST_VERBS to each other.
	const known = hostVerb(verb);
	switch (known) {
		case 'MSG': {
			const [id = '', time = '', from = '', to = '', ref = ''] = params;
			if (ref === '' || trailing === undefined || !isDecimal(id) || !isDecimal(time)) {
				return bad(verb);
			}

			const sender = ref === NO_REF ? undefined : ref;
			// Options this build does not know are a newer host's: the text is still the message.
			const extra = params.slice(5);
			const stored = extra.includes(STORED_FLAG);
			const known = stored ? extra.filter((param) => param !== STORED_FLAG) : extra;
			const options = known.length > 0 ? parseMessageOptions(known) : undefined;
			const message = {id, time: Number(time), from, to, ref: sender, text: trailing};
			const msg =
				options === undefined
					? ({kind: 'msg', ...message} as const)
					: ({kind: 'msg', ...message, options} as const);
			return stored ? {...msg, stored: true} : msg;
		}

		case 'DELIVERED':
		case 'HELD':
		case 'STORED': {
			if (!isDecimal(second) || !isDecimal(third)) return bad(verb);
			const kind = verb === 'HELD' ? 'held' : verb === 'STORED' ? 'stored' : 'delivered';
			return {kind, ref: first, id: second, time: Number(third)};
		}

		case 'FAILED': {
			if (second === '') return bad(verb);
			return {kind: 'failed', ref: first, code: second, reason: trailing ?? ''};
		}

		case 'ERROR':
		case 'REFUSED':
		case 'BYE': {
			if (first === '') return bad(verb);
			const kind = verb === 'ERROR' ? 'error' : verb === 'REFUSED' ? 'refused' : 'bye';
			return {kind, code: first, reason: trailing ?? ''};
		}

		case 'WELCOME': {
			if (!isDecimal(third)) return bad(verb);
			const welcome = {name: first, resumeToken: second, graceSeconds: Number(third)};
			const pacing = parsePacing(params.slice(3));
			return pacing === undefined
				? {kind: 'welcome', ...welcome}
				: {kind: 'welcome', ...welcome, pacing};
		}

		case 'USERS': {
			return {kind: 'users', names: params};
		}

		case 'USERS-END': {
			return {kind: 'users-end'};
		}

		case 'JOIN':
		case 'LEAVE':
		case 'AWAY':
		case 'BACK': {
			if (first === '') return bad(verb);
			return {kind: PRESENCE_KINDS[known], name: first};
		}

		case 'KEY': {
			if (first === '' || second === '') return bad(verb);
			return {kind: 'key', name: first, fingerprint: second};
		}

		case 'CHALLENGE': {
			if (first === '' || second === '') return bad(verb);
			return {kind: 'challenge', hostId: first, nonce: second};
		}

		case 'PING':
		case 'PONG': {
			const token = params[0] ?? trailing ?? '';
			return verb === 'PING' ? {kind: 'ping', token} : {kind: 'pong', token};
		}

		case undefined: {
			return {kind: 'unknown', verb};
		}
	}
}
