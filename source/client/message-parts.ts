// A message as the parts it travels in (docs/protocol.md "Long and multi-line messages"): one part
// per line, and a line longer than a part split between grapheme clusters, never inside one, so
// no UTF-8 sequence and no emoji is ever cut.
import {MAX_BREAKS_BETWEEN_PARTS} from '../protocol/message-options.js';
import {sanitiseText} from '../protocol/sanitise-text.js';

export type MessagePart = {
	text: string;
	/** Line breaks before the next part (0: the same line goes on); undefined on the last part. */
	more?: number;
};

let graphemes: Intl.Segmenter | undefined;
const LINE_BREAK = /\r\n|\r|\n/;

/** Every line of `text`, each cleaned as the host will clean it (a tab stays). */
function messageLines(text: string): string[] {
	return text.split(LINE_BREAK).map((line) => sanitiseText(line));
}

/** `line` cut into pieces of at most `maxBytes` UTF-8 bytes, between grapheme clusters. */
export function splitLine(line: string, maxBytes: number): string[] {
	if (Buffer.byteLength(line) <= maxBytes) return [line];
	const pieces: string[] = [];
	let piece = '';
	let bytes = 0;
	// Made on first use: the process's first Segmenter loads ICU's break data, which takes long
	// enough to delay chat join's connect when made as this module loads.
	graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const {segment} of graphemes.segment(line)) {
		const size = Buffer.byteLength(segment);
		if (bytes + size > maxBytes && piece !== '') {
			pieces.push(piece);
			piece = '';
			bytes = 0;
		}

		// A cluster longer than a part on its own (thousands of marks) is the one thing cut inside.
		if (size > maxBytes) {
			pieces.push(...splitCodePoints(segment, maxBytes));
			continue;
		}

		piece += segment;
		bytes += size;
	}

	if (piece !== '') pieces.push(piece);
	return pieces;
}

function splitCodePoints(text: string, maxBytes: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const char of text) {
		if (Buffer.byteLength(piece + char) > maxBytes) {
			pieces.push(piece);
			piece = '';
		}

		piece += char;
	}

	if (piece !== '') pieces.push(piece);
	return pieces;
}

/**
 * The parts of `text`, in order. Blank lines (nothing left once cleaned) travel as extra breaks on
 * the part before them; blank lines at the start and the end are dropped. Empty for a blank text.
 */
export function splitMessage(text: string, maxPartBytes: number): MessagePart[] {
	const parts: MessagePart[] = [];
	let breaks = 0;
	for (const line of messageLines(text)) {
		if (line === '') {
			breaks++;
			continue;
		}

		const last = parts.at(-1);
		if (last !== undefined) last.more = Math.min(MAX_BREAKS_BETWEEN_PARTS, breaks + 1);
		breaks = 0;
		const pieces = splitLine(line, maxPartBytes);
		for (const [index, piece] of pieces.entries()) {
			parts.push(index < pieces.length - 1 ? {text: piece, more: 0} : {text: piece});
		}
	}

	return parts;
}

/** The text the parts make again, as the receiving side joins them. */
export function joinParts(parts: readonly MessagePart[]): string {
	let text = '';
	for (const part of parts) text += part.text + '\n'.repeat(part.more ?? 0);
	return text;
}
