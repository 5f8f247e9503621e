// Wraps one message to a width measured in terminal cells: "HH:MM name: text", continuation
// lines indented under the text, words kept whole unless a word alone is wider than the line.
import {sanitiseText} from '../../protocol/sanitise-text.js';
import type {ChatMessage, Delivery} from './chat-message.js';
import {clockTime} from './format-time.js';
import {clustersOf, displayWidth} from './text-width.js';

export type SpanStyle = 'time' | 'name' | 'text' | 'pending' | 'delivered' | 'failed' | 'event';
type Span = {text: string; style: SpanStyle};
export type WrappedLine = {indent: number; spans: Span[]};

type Word = {text: string; style: SpanStyle; space: string};

/** Width of the time column plus its space: the smallest useful indent. */
const TIME_INDENT = 6;

/** Text from others is cleaned again before drawing; tabs would break the cell arithmetic. */
export function displayText(text: string): string {
	return sanitiseText(text).replaceAll('\t', '    ');
}

function statusWords(delivery: Delivery | undefined): Word[] {
	if (!delivery) return [];
	switch (delivery.state) {
		case 'sending': {
			return [{text: '…sending', style: 'pending', space: ' '}];
		}
		case 'held': {
			return [{text: '…held', style: 'pending', space: ' '}];
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
	return [
		{text: clockTime(message.time), style: 'time', space: ''},
		{text: `${displayText(message.from)}:`, style: 'name', space: ' '},
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
		...splitWords(displayText(message.text), message.event ? 'event' : 'text', ' '),
		...statusWords(message.delivery),
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
		const wordWidth = displayWidth(word.text);
		const space = used > 0 ? word.space : '';
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
