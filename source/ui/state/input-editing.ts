// Line editing on whole grapheme clusters, so Backspace never leaves half an emoji or a stray
// combining mark behind. The cursor is a UTF-16 index that always sits on a cluster boundary.

export type InputLine = {text: string; cursor: number};

export const emptyInputLine: InputLine = {text: '', cursor: 0};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Every cluster boundary of `text`, from 0 to text.length. */
function boundaries(text: string): number[] {
	const result = [];
	for (const {index} of graphemes.segment(text)) result.push(index);
	result.push(text.length);
	return result;
}

function previousBoundary(text: string, cursor: number): number {
	let previous = 0;
	for (const boundary of boundaries(text)) {
		if (boundary >= cursor) break;
		previous = boundary;
	}
	return previous;
}

function nextBoundary(text: string, cursor: number): number {
	return boundaries(text).find((boundary) => boundary > cursor) ?? text.length;
}

/** The first boundary at or after `cursor` (text typed next to a cluster can join it). */
function snap(text: string, cursor: number): number {
	return boundaries(text).find((boundary) => boundary >= cursor) ?? text.length;
}

const isSpace = (text: string, index: number) => /\s/u.test(text[index] ?? '');

export function insertText(line: InputLine, typed: string): InputLine {
	const text = line.text.slice(0, line.cursor) + typed + line.text.slice(line.cursor);
	return {text, cursor: snap(text, line.cursor + typed.length)};
}

export function moveLeft(line: InputLine): InputLine {
	return {...line, cursor: previousBoundary(line.text, line.cursor)};
}

export function moveRight(line: InputLine): InputLine {
	return {...line, cursor: nextBoundary(line.text, line.cursor)};
}

export function moveToStart(line: InputLine): InputLine {
	return {...line, cursor: 0};
}

export function moveToEnd(line: InputLine): InputLine {
	return {...line, cursor: line.text.length};
}

function wordStartBefore(text: string, cursor: number): number {
	let index = cursor;
	while (index > 0 && isSpace(text, index - 1)) index--;
	while (index > 0 && !isSpace(text, index - 1)) index--;
	return snap(text, index);
}

function wordEndAfter(text: string, cursor: number): number {
	let index = cursor;
	while (index < text.length && isSpace(text, index)) index++;
	while (index < text.length && !isSpace(text, index)) index++;
	return snap(text, index);
}

export function moveWordLeft(line: InputLine): InputLine {
	return {...line, cursor: wordStartBefore(line.text, line.cursor)};
}

export function moveWordRight(line: InputLine): InputLine {
	return {...line, cursor: wordEndAfter(line.text, line.cursor)};
}

function remove(line: InputLine, from: number, to: number): InputLine {
	return {text: line.text.slice(0, from) + line.text.slice(to), cursor: from};
}

export function deleteBack(line: InputLine): InputLine {
	return remove(line, previousBoundary(line.text, line.cursor), line.cursor);
}

export function deleteForward(line: InputLine): InputLine {
	return remove(line, line.cursor, nextBoundary(line.text, line.cursor));
}

export function deleteWordBack(line: InputLine): InputLine {
	return remove(line, wordStartBefore(line.text, line.cursor), line.cursor);
}

export function deleteToStart(line: InputLine): InputLine {
	return remove(line, 0, line.cursor);
}

export function deleteToEnd(line: InputLine): InputLine {
	return remove(line, line.cursor, line.text.length);
}

/** A line with the cursor at the end, as after recalling it from history. */
export function lineOf(text: string): InputLine {
	return {text, cursor: text.length};
}

/** The cursor on the line above (-1) or below (1), as near its column as the line allows;
 * undefined on the first or last line. Columns count UTF-16 units, which is close enough for a
 * cursor a person moves line by line. */
export function moveLine(line: InputLine, direction: -1 | 1): InputLine | undefined {
	const {text, cursor} = line;
	const start = text.lastIndexOf('\n', cursor - 1) + 1;
	const column = cursor - start;
	if (direction === -1) {
		if (start === 0) return undefined;
		const previousStart = start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
		const target = Math.min(previousStart + column, start - 1);
		return {text, cursor: snap(text, target)};
	}

	const end = text.indexOf('\n', cursor);
	if (end === -1) return undefined;
	const nextEnd = text.indexOf('\n', end + 1);
	const target = Math.min(end + 1 + column, nextEnd === -1 ? text.length : nextEnd);
	return {text, cursor: snap(text, target)};
}
