// What hosts of a cluster send one another on their channels (docs/cluster.md "Channels"):
// tab-separated fields, the one free text (a line, a reason, a name) last. No field holds a tab or
// a newline but the last, and no last field a newline (a chat line never has one), so frames to
// one host are joined by newlines into one PUBLISH. The receiving host reads a payload with a
// cursor, field by field, without splitting it into lines and arrays first: it reads every frame
// of a flood.

import {FieldCursor} from './field-cursor.js';

/** A message's number (`seq`) goes round here, far past what can wait at once (messages time
 * out). A power of two, so that a ring of any power-of-two size below it (pending-answers.ts)
 * maps each number to one place. */
export const SEQ_LIMIT = 2 ** 30;

/** A message for a user of the receiving host, stamped by `origin`'s relay. On the wire it is an
 * `m` frame, or a shorter `c` frame when it follows one from the same sender to the same
 * recipient, stamped by the same host, with the next number (see appendMessage). */
export type MessageFrame = {
	readonly kind: 'm';
	/** The sending host's number for it while it waits there for the answer, which then names
	 * this number instead of the id; undefined when nobody waits on the sending host (it was
	 * stamped elsewhere, or waited in Redis). */
	readonly seq: number | undefined;
	readonly id: string;
	readonly time: number;
	readonly ref: string | undefined;
	readonly fromKey: string;
	readonly fromName: string;
	readonly toKey: string;
	/** The host whose sender hears the result. */
	readonly origin: string;
	readonly line: string;
	/** True when `line` is only the text of a message for a plain user: the receiving host makes
	 * the plain face's line of it, `[ctime] from: text`, with the message's time (an `M` or `C`
	 * frame on the wire). The sending host then makes no line, and the frame carries no ctime. */
	readonly plainText: boolean;
};

/** What became of a message the receiving host stamped: handed over, held, stored (its away
 * recipient, an owner, left for good), or failed. Named by its `seq` when it had one, else by id. */
export type AnswerFrame = {
	readonly kind: 'a';
	readonly seq: number | undefined;
	readonly id: string;
	readonly outcome: 'd' | 'h' | 's' | 'f';
	readonly code: string;
	readonly reason: string;
};

/** Messages the receiving host sent, named by their `seq`, that reached their recipients'
 * sockets: the usual answer, one frame for all of a payload's, as runs of consecutive numbers. */
type DeliveredFrame = {readonly kind: 'd'; readonly seqs: readonly number[]};

/** The following rule for a plain user of the receiving host: their partner is now this name. */
type FollowFrame = {readonly kind: 'p'; readonly toKey: string; readonly partner: string};

/** A line for a user of the receiving host. */
type LineFrame = {readonly kind: 'l'; readonly toKey: string; readonly line: string};

/** A message was stored for a user of the receiving host after its login took what waited (the
 * sender's host had not heard of the login yet): take it too. Published by the STORE script. */
type StoredFrame = {readonly kind: 't'; readonly toKey: string};

export type HostFrame =
	MessageFrame | AnswerFrame | DeliveredFrame | FollowFrame | LineFrame | StoredFrame;

/** The last time written into a frame, and its text: the messages of one millisecond share it,
 * and a 13-digit number made into text is dearer than the rest of the frame. */
let lastTime = -1;
let lastTimeText = '';

function timeText(time: number): string {
	if (time !== lastTime) {
		lastTime = time;
		lastTimeText = String(time);
	}

	return lastTimeText;
}

/** The message frame written last into a payload, which the next may continue (a `c` frame). */
export type PreviousMessage = {
	seq: number | undefined;
	time: number;
	fromKey: string;
	fromName: string;
	toKey: string;
	origin: string;
};

/**
 * Appends the message frame's pieces to `parts` (joined, they are the frame) and returns its
 * length, without a frame object or a string of its own (the sender's hot path): the batch joins
 * the pieces of all its frames once (frame-outbox.ts), so each text is copied once, in native
 * code. When the message follows `previous` (same sender, recipient and origin, the next number),
 * it is a `c` frame: `c id time ref line`, the time empty when it is the same; a flood's frames
 * are most of them that, so shorter to make, send and read. Else an `m` frame, which `previous`
 * then remembers. With `plainText`, `line` is the text of a message for a plain user, the frame
 * `C` or `M`: the receiving host makes the line.
 */
export function appendMessage(
	parts: string[],
	previous: PreviousMessage,
	seq: number | undefined,
	id: string,
	time: number,
	ref: string | undefined,
	fromKey: string,
	fromName: string,
	toKey: string,
	origin: string,
	line: string,
	plainText = false,
): number {
	const refField = ref ?? '';
	const continues =
		seq !== undefined &&
		previous.seq !== undefined &&
		seq === (previous.seq + 1) % SEQ_LIMIT &&
		fromKey === previous.fromKey &&
		toKey === previous.toKey &&
		fromName === previous.fromName &&
		origin === previous.origin;
	if (continues) {
		const timeField = time === previous.time ? '' : timeText(time);
		// The usual case made of constants: nothing new for the pieces between the id and the line.
		const middle = timeField === '' && refField === '' ? '\t\t\t' : `\t${timeField}\t${refField}\t`;
		parts.push(plainText ? 'C\t' : 'c\t', id, middle, line);
		previous.seq = seq;
		previous.time = time;
		return 2 + id.length + middle.length + line.length;
	}

	const seqField = seq === undefined ? '' : String(seq);
	const head = `${plainText ? 'M' : 'm'}\t${seqField}\t${id}\t${timeText(time)}\t${refField}\t${fromKey}\t${fromName}\t${toKey}\t${origin}\t`;
	parts.push(head, line);
	previous.seq = seq;
	previous.time = time;
	previous.fromKey = fromKey;
	previous.fromName = fromName;
	previous.toKey = toKey;
	previous.origin = origin;
	return head.length + line.length;
}

/** What a payload's first message frame follows: nothing. */
export function noPreviousMessage(): PreviousMessage {
	return {seq: undefined, time: -1, fromKey: '', fromName: '', toKey: '', origin: ''};
}

/** `appendMessage` for a whole frame (an encoder of one frame, and tests): its length too. */
export function appendMessageFrame(
	parts: string[],
	previous: PreviousMessage,
	frame: MessageFrame,
): number {
	const {seq, id, time, ref, fromKey, fromName, toKey, origin, line, plainText} = frame;
	return appendMessage(
		parts,
		previous,
		seq,
		id,
		time,
		ref,
		fromKey,
		fromName,
		toKey,
		origin,
		line,
		plainText,
	);
}

/** `d` and the numbers as runs: `4-9,12,15-16`. */
export function encodeDelivered(seqs: readonly number[]): string {
	let text = 'd\t';
	let index = 0;
	while (index < seqs.length) {
		const first = seqs[index] ?? 0;
		let last = first;
		while (seqs[index + 1] === last + 1) {
			last++;
			index++;
		}

		if (text.length > 2) text += ',';
		text += last === first ? String(first) : `${first}-${last}`;
		index++;
	}

	return text;
}

export function encodeHostFrame(frame: HostFrame): string {
	switch (frame.kind) {
		case 'm': {
			const parts: string[] = [];
			appendMessageFrame(parts, noPreviousMessage(), frame);
			return parts.join('');
		}

		case 'a': {
			const {seq, id, outcome, code, reason} = frame;
			return `a\t${seq ?? ''}\t${id}\t${outcome}\t${code}\t${reason}`;
		}

		case 'd': {
			return encodeDelivered(frame.seqs);
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
	const cursor = new FieldCursor(payload);
	let previous: MessageFrame | undefined;
	while (cursor.nextFrame()) {
		const frame = decodeFrame(cursor, previous);
		if (frame === undefined) continue;
		frames.push(frame);
		if (frame.kind === 'm') previous = frame;
	}

	return frames;
}

/** A `c` frame: the message after `previous`, with its sender, recipient and origin. */
function decodeContinued(
	cursor: FieldCursor,
	previous: MessageFrame | undefined,
	plainText: boolean,
): MessageFrame | undefined {
	const id = cursor.field();
	const time = cursor.field();
	const ref = cursor.field();
	const line = cursor.rest();
	if (line === undefined || previous?.seq === undefined) return undefined;
	// Spelt out: a spread of the frame before is many times dearer, on every frame of a flood.
	return {
		kind: 'm',
		seq: (previous.seq + 1) % SEQ_LIMIT,
		id,
		time: time === '' ? previous.time : Number(time),
		ref: ref || undefined,
		fromKey: previous.fromKey,
		fromName: previous.fromName,
		toKey: previous.toKey,
		origin: previous.origin,
		line,
		plainText,
	};
}

function decodeFrame(
	cursor: FieldCursor,
	previous: MessageFrame | undefined,
): HostFrame | undefined {
	const kind = cursor.field();
	switch (kind) {
		case 'c':
		case 'C': {
			return decodeContinued(cursor, previous, kind === 'C');
		}

		case 'm':
		case 'M': {
			const seq = cursor.field();
			const id = cursor.field();
			const time = cursor.field();
			const ref = cursor.field();
			const fromKey = cursor.field();
			const fromName = cursor.field();
			const toKey = cursor.field();
			const origin = cursor.field();
			const line = cursor.rest();
			if (line === undefined) return undefined;
			return {
				kind: 'm',
				seq: seq === '' ? undefined : Number(seq),
				id,
				time: Number(time),
				ref: ref || undefined,
				fromKey,
				fromName,
				toKey,
				origin,
				line,
				plainText: kind === 'M',
			};
		}

		case 'a': {
			const seq = cursor.field();
			const id = cursor.field();
			const outcome = cursor.field();
			const code = cursor.field();
			const reason = cursor.rest();
			if (reason === undefined) return undefined;
			if (outcome !== 'd' && outcome !== 'h' && outcome !== 's' && outcome !== 'f') {
				return undefined;
			}

			return {kind: 'a', seq: seq === '' ? undefined : Number(seq), id, outcome, code, reason};
		}

		case 'd': {
			const runs = cursor.rest();
			return runs === undefined ? undefined : {kind: 'd', seqs: readRuns(runs)};
		}

		case 'p': {
			const toKey = cursor.field();
			const partner = cursor.rest();
			return partner === undefined ? undefined : {kind: 'p', toKey, partner};
		}

		case 'l': {
			const toKey = cursor.field();
			const line = cursor.rest();
			return line === undefined ? undefined : {kind: 'l', toKey, line};
		}

		case 't': {
			const toKey = cursor.rest();
			return toKey === undefined ? undefined : {kind: 't', toKey};
		}

		default: {
			return undefined;
		}
	}
}

/** The numbers of `4-9,12`; a run that is not two numbers is skipped. */
function readRuns(text: string): number[] {
	const seqs: number[] = [];
	for (const run of text.split(',')) {
		const dash = run.indexOf('-');
		const first = Number(dash === -1 ? run : run.slice(0, dash));
		const last = dash === -1 ? first : Number(run.slice(dash + 1));
		if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || run === '') continue;
		for (let seq = first; seq <= last; seq++) seqs.push(seq);
	}

	return seqs;
}
