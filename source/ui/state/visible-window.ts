// Which wrapped lines of a conversation are on screen. Only the messages near the bottom of the
// view are ever wrapped (and each wrap is cached per message and width), so a 100,000-message
// history costs the same per frame as a short one.
import type {ChatMessage} from './chat-message.js';
import {dayKey, dayLabel} from './format-time.js';
import {indexOfSeq, messageAt, type MessageLog} from './message-log.js';
import {wrapMessage, type WrappedLine} from './wrap-message.js';

export type DisplayLine =
	/** A rule with a label: where the day changes, or where this session begins. */
	| {key: string; kind: 'day'; label: string}
	| {key: string; kind: 'message'; from: string; line: WrappedLine};

/** Where the view's bottom edge is: `skip` lines above the end of message `seq`. */
export type ScrollAnchor = {seq: number; skip: number};

const wrapCache = new WeakMap<ChatMessage, {width: number; lines: DisplayLine[]}>();

function wrappedLines(message: ChatMessage, width: number): DisplayLine[] {
	const cached = wrapCache.get(message);
	if (cached?.width === width) return cached.lines;
	const lines: DisplayLine[] = wrapMessage(message, width).map((line, index) => ({
		key: `${message.seq}:${index}`,
		kind: 'message',
		from: message.from,
		line,
	}));
	wrapCache.set(message, {width, lines});
	return lines;
}

/** The line between what a reopened conversation read from history and this session. */
export const SESSION_LABEL = 'this session';

function sessionLine(seq: number): DisplayLine {
	return {key: `${seq}:session`, kind: 'day', label: SESSION_LABEL};
}

/**
 * The lines message `index` takes: its wrapped text, after a day line where the day changes,
 * after the session line where this session's messages begin.
 */
function linesOfMessage(log: MessageLog, index: number, width: number): DisplayLine[] {
	const message = messageAt(log, index);
	if (!message) return [];
	const lines = wrappedLines(message, width);
	const previous = messageAt(log, index - 1);
	const session = previous?.earlier && !message.earlier ? [sessionLine(message.seq)] : [];
	if (previous && dayKey(previous.time) === dayKey(message.time)) return [...session, ...lines];
	const day: DisplayLine = {key: `${message.seq}:day`, kind: 'day', label: dayLabel(message.time)};
	return [...session, day, ...lines];
}

type Position = {index: number; skip: number};

function positionOf(log: MessageLog, anchor: ScrollAnchor | undefined): Position {
	if (!anchor) return {index: log.length - 1, skip: 0};
	if (anchor.seq < log.firstSeq) return {index: 0, skip: 0};
	const index = indexOfSeq(log, anchor.seq);
	return index === -1 ? {index: log.length - 1, skip: 0} : {index, skip: anchor.skip};
}

function anchorOf(log: MessageLog, position: Position): ScrollAnchor | undefined {
	const message = messageAt(log, position.index);
	if (!message || (position.index >= log.length - 1 && position.skip <= 0)) return undefined;
	return {seq: message.seq, skip: position.skip};
}

/** Up to `limit` lines ending at `position`, oldest first, from message `floor` on. */
function linesAbove(log: MessageLog, position: Position, width: number, limit: number, floor = 0) {
	const collected: DisplayLine[] = [];
	let skip = position.skip;
	for (let index = position.index; index >= floor && collected.length < limit; index--) {
		const lines = linesOfMessage(log, index, width);
		for (const line of lines.toReversed()) {
			if (collected.length >= limit) break;
			if (skip > 0) skip--;
			else collected.push(line);
		}
	}
	return collected.reverse();
}

/** The position whose view starts at the very first line: `height` lines from the top. */
function topPosition(log: MessageLog, width: number, height: number): Position | undefined {
	let total = 0;
	for (let index = 0; index < log.length; index++) {
		total += linesOfMessage(log, index, width).length;
		if (total >= height) return {index, skip: total - height};
	}
	return undefined;
}

/**
 * The lines to draw, oldest first, at most `height` of them. At the bottom, `fromSeq` (set by
 * /clear) leaves out the messages before it.
 */
export function visibleWindow(
	log: MessageLog,
	anchor: ScrollAnchor | undefined,
	width: number,
	height: number,
	fromSeq?: number,
): DisplayLine[] {
	if (height <= 0 || log.length === 0) return [];
	if (!anchor) {
		const floor = fromSeq === undefined ? 0 : Math.max(0, fromSeq - log.firstSeq);
		const last = messageAt(log, log.length - 1);
		// Nothing said yet in this session: its line sits below the last message read from history.
		if (last?.earlier && height > 1 && (fromSeq === undefined || fromSeq <= last.seq)) {
			return [
				...linesAbove(log, positionOf(log, undefined), width, height - 1, floor),
				sessionLine(last.seq + 1),
			];
		}
		if (fromSeq !== undefined) {
			return linesAbove(log, positionOf(log, undefined), width, height, floor);
		}
	}
	const lines = linesAbove(log, positionOf(log, anchor), width, height);
	if (lines.length === height || !anchor) return lines;
	// Scrolled so far up (or the width grew) that the top shows: fill the view from the top.
	const top = topPosition(log, width, height);
	return top
		? linesAbove(log, top, width, height)
		: linesAbove(log, positionOf(log, undefined), width, height);
}

/** The anchor after scrolling `amount` lines towards older messages, stopping at the first line. */
export function scrollUp(
	log: MessageLog,
	anchor: ScrollAnchor | undefined,
	amount: number,
	width: number,
	height: number,
): ScrollAnchor | undefined {
	if (log.length === 0) return undefined;
	const position = positionOf(log, anchor);
	position.skip += amount;
	let size = linesOfMessage(log, position.index, width).length;
	while (position.skip >= size && position.index > 0) {
		position.skip -= size;
		position.index--;
		size = linesOfMessage(log, position.index, width).length;
	}
	if (linesAbove(log, position, width, height).length < height) {
		const top = topPosition(log, width, height);
		return top ? anchorOf(log, top) : undefined;
	}
	return anchorOf(log, position);
}

/** The anchor after scrolling `amount` lines towards newer messages; undefined at the bottom. */
export function scrollDown(
	log: MessageLog,
	anchor: ScrollAnchor | undefined,
	amount: number,
	width: number,
): ScrollAnchor | undefined {
	if (!anchor) return undefined;
	const position = positionOf(log, anchor);
	position.skip -= amount;
	while (position.skip < 0 && position.index < log.length - 1) {
		position.index++;
		position.skip += linesOfMessage(log, position.index, width).length;
	}
	return anchorOf(log, position);
}
