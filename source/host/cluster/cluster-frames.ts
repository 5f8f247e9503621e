// What hosts of a cluster send one another (docs/cluster.md "Channels"), and the records they
// keep in Redis: tab-separated fields, the one free text (a line, a reason, a name) last. No field
// holds a tab or a newline but the last, and no last field a newline (a chat line never has one),
// so frames to one host are joined by newlines into one PUBLISH per tick.

import type {Face} from '../relay/user.js';

/** A message for a user of the receiving host, stamped by `origin`'s relay. */
export type MessageFrame = {
	readonly kind: 'm';
	readonly id: string;
	readonly time: number;
	readonly ref: string | undefined;
	readonly fromKey: string;
	readonly fromName: string;
	readonly toKey: string;
	/** The host whose sender hears the result. */
	readonly origin: string;
	readonly line: string;
};

/** What became of a message the receiving host stamped: handed over, held, stored (its away
 * recipient, an owner, left for good), or failed. */
export type AnswerFrame = {
	readonly kind: 'a';
	readonly id: string;
	readonly outcome: 'd' | 'h' | 's' | 'f';
	readonly code: string;
	readonly reason: string;
};

/** The following rule for a plain user of the receiving host: their partner is now this name. */
type FollowFrame = {readonly kind: 'p'; readonly toKey: string; readonly partner: string};

/** A line for a user of the receiving host. */
type LineFrame = {readonly kind: 'l'; readonly toKey: string; readonly line: string};

/** A message was stored for a user of the receiving host after its login took what waited (the
 * sender's host had not heard of the login yet): take it too. Published by the STORE script. */
type StoredFrame = {readonly kind: 't'; readonly toKey: string};

export type HostFrame = MessageFrame | AnswerFrame | FollowFrame | LineFrame | StoredFrame;

/** A user as every host sees it: where, which face, away or not, the token that resumes it. */
export type UserRecord = {
	readonly key: string;
	readonly host: string;
	readonly face: Face;
	readonly away: boolean;
	readonly token: string;
	/** The key fingerprint the user proved (KEY lines on every host); undefined without a key. */
	readonly fingerprint: string | undefined;
	readonly name: string;
};

/** J(oin), L(eave), A(way), B(ack), M(oved or re-recorded: a new host or token, no news). */
export type RecordVerb = 'J' | 'L' | 'A' | 'B' | 'M';

export type PresenceFrame =
	| {readonly kind: 'user'; readonly verb: RecordVerb; readonly user: UserRecord}
	| {readonly kind: 'gone'; readonly host: string};

/** A message held in Redis for an away user. */
export type HeldEntry = {
	readonly id: string;
	readonly time: number;
	readonly ref: string | undefined;
	readonly fromKey: string;
	readonly fromName: string;
	readonly origin: string;
	readonly line: string;
};

export function encodeHostFrame(frame: HostFrame): string {
	switch (frame.kind) {
		case 'm': {
			const {id, time, ref, fromKey, fromName, toKey, origin, line} = frame;
			return `m\t${id}\t${time}\t${ref ?? ''}\t${fromKey}\t${fromName}\t${toKey}\t${origin}\t${line}`;
		}

		case 'a': {
			return `a\t${frame.id}\t${frame.outcome}\t${frame.code}\t${frame.reason}`;
		}

		case 'p': {
			return `p\t${frame.toKey}\t${frame.partner}`;
		}

		case 'l': {
			return `l\t${frame.toKey}\t${frame.line}`;
		}

		case 't': {
			return `t\t${frame.toKey}`;
		}
	}
}

/** The frames of one PUBLISH payload; a frame this version does not know is skipped. */
export function decodeHostFrames(payload: string): HostFrame[] {
	const frames: HostFrame[] = [];
	for (const text of payload.split('\n')) {
		const frame = decodeHostFrame(text);
		if (frame !== undefined) frames.push(frame);
	}

	return frames;
}

function decodeHostFrame(text: string): HostFrame | undefined {
	switch (text[0]) {
		case 'm': {
			const f = fields(text, 9);
			if (f === undefined) return undefined;
			const [, id, time, ref, fromKey, fromName, toKey, origin, line] = f as Fields<9>;
			return {
				kind: 'm',
				id,
				time: Number(time),
				ref: ref || undefined,
				fromKey,
				fromName,
				toKey,
				origin,
				line,
			};
		}

		case 'a': {
			const f = fields(text, 5);
			if (f === undefined) return undefined;
			const [, id, outcome, code, reason] = f as Fields<5>;
			if (outcome !== 'd' && outcome !== 'h' && outcome !== 's' && outcome !== 'f') {
				return undefined;
			}

			return {kind: 'a', id, outcome, code, reason};
		}

		case 'p': {
			const f = fields(text, 3) as Fields<3> | undefined;
			return f === undefined ? undefined : {kind: 'p', toKey: f[1], partner: f[2]};
		}

		case 'l': {
			const f = fields(text, 3) as Fields<3> | undefined;
			return f === undefined ? undefined : {kind: 'l', toKey: f[1], line: f[2]};
		}

		case 't': {
			const f = fields(text, 2) as Fields<2> | undefined;
			return f === undefined ? undefined : {kind: 't', toKey: f[1]};
		}

		default: {
			return undefined;
		}
	}
}

/** The record as the users hash keeps it (the key is the hash field). */
export function encodeRecord(user: UserRecord): string {
	const {face, away, token, fingerprint, name} = user;
	return `${face}\t${away ? 1 : 0}\t${token}\t${fingerprint ?? ''}\t${name}`;
}

export function decodeRecord(key: string, host: string, text: string): UserRecord | undefined {
	const f = fields(text, 5);
	if (f === undefined) return undefined;
	const [face, away, token, fingerprint, name] = f as Fields<5>;
	if (face !== 'plain' && face !== 'structured') return undefined;
	return {key, host, face, away: away === '1', token, fingerprint: fingerprint || undefined, name};
}

export function encodePresenceFrame(frame: PresenceFrame): string {
	if (frame.kind === 'gone') return `G\t${frame.host}`;
	const {user} = frame;
	return `${frame.verb}\t${user.host}\t${user.key}\t${encodeRecord(user)}`;
}

export function decodePresenceFrame(text: string): PresenceFrame | undefined {
	if (text.startsWith('G\t')) return {kind: 'gone', host: text.slice(2)};
	const f = fields(text, 4);
	if (f === undefined) return undefined;
	const [verb, host, key, record] = f as Fields<4>;
	if (!isRecordVerb(verb)) return undefined;
	const user = decodeRecord(key, host, record);
	return user === undefined ? undefined : {kind: 'user', verb, user};
}

export function encodeHeld(entry: HeldEntry): string {
	const {id, time, ref, fromKey, fromName, origin, line} = entry;
	return `${id}\t${time}\t${ref ?? ''}\t${fromKey}\t${fromName}\t${origin}\t${line}`;
}

export function decodeHeld(text: string): HeldEntry | undefined {
	const f = fields(text, 7);
	if (f === undefined) return undefined;
	const [id, time, ref, fromKey, fromName, origin, line] = f as Fields<7>;
	return {id, time: Number(time), ref: ref || undefined, fromKey, fromName, origin, line};
}

function isRecordVerb(verb: string): verb is RecordVerb {
	return verb === 'J' || verb === 'L' || verb === 'A' || verb === 'B' || verb === 'M';
}

type Fields<N extends number, T extends string[] = []> = T['length'] extends N
	? T
	: Fields<N, [...T, string]>;

/** `count` fields: the first count - 1 end at a tab, the last takes the rest; undefined if short. */
function fields(text: string, count: number): string[] | undefined {
	const result: string[] = [];
	let start = 0;
	for (let index = 1; index < count; index++) {
		const tab = text.indexOf('\t', start);
		if (tab === -1) return undefined;
		result.push(text.slice(start, tab));
		start = tab + 1;
	}

	result.push(text.slice(start));
	return result;
}
