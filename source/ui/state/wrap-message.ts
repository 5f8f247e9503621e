// Wraps one message to a width measured in terminal cells: "HH:MM name: text", continuation
// lines indented under the text, words kept whole unless a word alone is wider than the line.
// Each line of a multi-line message starts a row of its own, keeping its indentation.
import {sanitiseText} from '../../protocol/sanitise-text.js';
import type {ChatMessage, Delivery} from './chat-message.js';
import {clockTime} from './format-time.js';
import {expandTabs} from './tab-stops.js';
import {clustersOf, displayWidth} from './text-width.js';

export type SpanStyle = 'time' | 'name' | 'text' | 'pending' | 'delivered' | 'failed' | 'event';
type Span = {text: string; style: SpanStyle};
export type WrappedLine = {indent: number; spans: Span[]};

type Word = {text: string; style: SpanStyle; space: string; lineBreak?: boolean};

/** Width of the time column plus its space: the smallest useful indent. */
const TIME_INDENT = 6;

/** Text from others is cleaned again before drawing (one line of it); tabs go to the next stop. */
export function displayText(text: string): string {
	return expandTabs(sanitiseText(text));
}

/** The words of a text of one or more lines; every line after the first starts a row. */
function textWords(text: string, style: SpanStyle = 'text'): Word[] {
	const words: Word[] = [];
	for (const [index, line] of text.split('\n').entries()) {
		const lineWords = splitWords(displayText(line), style, index === 0 ? ' ' : '');
		if (index > 0) {
			const [first, ...rest] = lineWords;
			const lead = line.match(/^[ \t]*/)?.[0] ?? '';
			words.push({
				text: first?.text ?? '',
				style,
				space: expandTabs(lead),
				lineBreak: true,
			});
			words.push(...rest);
		} else {
			words.push(...lineWords);
		}
	}

	return words;
}

function statusWords(delivery: Delivery | undefined): Word[] {
	if (!delivery) return [];
	switch (delivery.state) {
		case 'sending': {
			const {sent, total} = delivery;
			const progress = total === undefined ? '' : ` ${sent ?? 0}/${total}`;
			return [{text: `…sending${progress}`, style: 'pending', space: ' '}];
		}
		case 'held': {
			return [{text: '…held', style: 'pending', space: ' '}];
		}
		case 'stored': {
			const words = `stored: delivered when ${displayText(delivery.recipient)} returns`;
			return splitWords(words, 'pending', ' ');
		}
		case 'delivered': {
			return [{text: '✓', style: 'delivered', space: ' '}];
		}
		case 'failed': {
			return splitWords(`✗ not delivered: ${displayText(delivery.reason)}`, 'failed', ' ');
		}
	}
}

function splitWords(text: string, style: SpanStyle, firstSpace = ''): Word[] {
	const words: Word[] = [];
	let space = firstSpace;
	for (const part of text.split(/( +)/)) {
		if (part === '') continue;
		if (part.startsWith(' ')) space += part;
		else {
			words.push({text: part, style, space});
			space = '';
		}
	}
	return words;
}

function headerWords(message: ChatMessage): Word[] {
	// An event line has no sender: its text says who.
	if (message.event) return [{text: clockTime(message.time), style: 'time', space: ''}];
	const name = displayText(message.from);
	return [
		{text: clockTime(message.time), style: 'time', space: ''},
		{text: message.action === true ? `* ${name}` : `${name}:`, style: 'name', space: ' '},
	];
}

/** Under the text while that leaves room; on a narrow pane under the name, then not at all. */
function chooseIndent(headerWidth: number, width: number): number {
	if (headerWidth <= width / 3) return headerWidth;
	return TIME_INDENT <= width / 3 ? TIME_INDENT : 0;
}

/** The message as lines no wider than `width` cells. */
export function wrapMessage(message: ChatMessage, width: number): WrappedLine[] {
	const lineWidth = Math.max(1, width);
	const header = headerWords(message);
	const headerWidth = displayWidth(`${header.map((word) => word.text).join(' ')} `);
	const indent = chooseIndent(headerWidth, lineWidth);
	const words = [
		...header,
		...textWords(message.text, message.event ? 'event' : 'text'),
		...statusWords(message.delivery),
		...(message.whileAway ? splitWords('· while you were away', 'pending', ' ') : []),
	];

	const lines: WrappedLine[] = [];
	let current: WrappedLine = {indent: 0, spans: []};
	let used = 0;
	const room = () => lineWidth - current.indent - used;
	const append = (text: string, style: SpanStyle) => {
		const last = current.spans.at(-1);
		if (last?.style === style) last.text += text;
		else current.spans.push({text, style});
		used += displayWidth(text);
	};
	const newLine = () => {
		lines.push(current);
		current = {indent, spans: []};
		used = 0;
	};

	for (const word of words) {
		if (word.lineBreak === true) {
			newLine();
			// The line's own indentation stays, as far as the row has room for it and a word.
			if (word.space !== '' && displayWidth(word.space) < room()) append(word.space, 'text');
			if (word.text === '') continue;
		}
		const wordWidth = displayWidth(word.text);
		const space = used > 0 && word.lineBreak !== true ? word.space : '';
		const spaceWidth = displayWidth(space);
		if (spaceWidth + wordWidth <= room()) {
			if (space) append(space, word.style === 'text' ? 'text' : word.style);
			append(word.text, word.style);
			continue;
		}
		if (wordWidth <= lineWidth - indent) {
			newLine();
			append(word.text, word.style);
			continue;
		}
		// A word wider than a whole line is broken between clusters, starting where we are.
		if (used > 0 && spaceWidth < room()) append(space, word.style);
		else if (used > 0) newLine();
		for (const cluster of clustersOf(word.text)) {
			if (cluster.width > room() && used > 0) newLine();
			append(cluster.text, word.style);
		}
	}
	lines.push(current);
	return lines;
}
