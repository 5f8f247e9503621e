// The records hosts of a cluster keep in Redis and the presence frames they publish (docs/cluster.md
// "Key layout", "Channels"; the frames for one host are host-frames.ts): tab-separated fields, the
// one free text (a name, a line) last.

import {detached} from '../relay/flat-string.js';
import type {Face} from '../relay/user.js';

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
	// Kept as long as the user is online, by every host: strings of their own, not slices of the
	// whole presence payload, which would stay alive with them (relay/flat-string.ts).
	return {
		key: detached(key),
		host: detached(host),
		face,
		away: away === '1',
		token: detached(token),
		fingerprint: fingerprint === '' ? undefined : detached(fingerprint),
		name: detached(name),
	};
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
