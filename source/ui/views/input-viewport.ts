// The part of the input that fits beside the prompt, always including the cursor: the line with
// the cursor scrolled sideways to keep it in view, and for a message of several lines the rows
// around it, at most a given number.
import type {InputLine} from '../state/input-editing.js';
import {TAB_WIDTH} from '../state/tab-stops.js';
import {clustersOf} from '../state/text-width.js';

type InputViewport = {before: string; atCursor: string; after: string};

type Cluster = {text: string; width: number};

/** The clusters of one line, a tab as the spaces to its next stop. */
function drawnClusters(text: string, column: number): Cluster[] {
	const clusters = clustersOf(text);
	if (!text.includes('\t')) return clusters;
	let at = column;
	return clusters.map((cluster) => {
		if (cluster.text !== '\t') {
			at += cluster.width;
			return cluster;
		}
		const width = TAB_WIDTH - (at % TAB_WIDTH);
		at += width;
		return {text: ' '.repeat(width), width};
	});
}

export function inputViewport(line: InputLine, width: number): InputViewport {
	const before = drawnClusters(line.text.slice(0, line.cursor), 0);
	const beforeWidth = before.reduce((sum, cluster) => sum + cluster.width, 0);
	const [cursorCluster, ...rest] = drawnClusters(line.text.slice(line.cursor), beforeWidth);
	const atCursor = cursorCluster ?? {text: ' ', width: 1};
	// Keep the cursor in view: drop clusters from the left until it fits.
	let used = atCursor.width;
	let start = before.length;
	while (start > 0 && used + (before[start - 1]?.width ?? 0) <= width) {
		start--;
		used += before[start]?.width ?? 0;
	}
	let after = '';
	for (const cluster of rest) {
		if (used + cluster.width > width) break;
		after += cluster.text;
		used += cluster.width;
	}
	return {
		before: before
			.slice(start)
			.map((cluster) => cluster.text)
			.join(''),
		atCursor: atCursor.text,
		after,
	};
}

/** Rows the input takes: one per line, up to `maxRows`. */
export function inputRowCount(text: string, maxRows: number): number {
	let rows = 1;
	for (
		let index = text.indexOf('\n');
		index !== -1 && rows < maxRows;
		index = text.indexOf('\n', index + 1)
	) {
		rows++;
	}
	return rows;
}

/**
 * The rows to draw: at most `maxRows` lines of the input, the cursor's among them; on rows
 * without the cursor `atCursor` is empty. `first` is the index of the first line shown.
 */
export function inputRows(
	line: InputLine,
	width: number,
	maxRows: number,
): {rows: InputViewport[]; first: number; total: number} {
	const lines = line.text.split('\n');
	let lineStart = 0;
	let cursorLine = 0;
	for (const [index, text] of lines.entries()) {
		if (line.cursor <= lineStart + text.length) {
			cursorLine = index;
			break;
		}
		lineStart += text.length + 1;
	}
	const shown = Math.min(maxRows, lines.length);
	const first = Math.min(Math.max(0, cursorLine - shown + 1), lines.length - shown);
	const rows: InputViewport[] = [];
	for (let index = first; index < first + shown; index++) {
		const text = lines[index] ?? '';
		if (index === cursorLine) {
			rows.push(inputViewport({text, cursor: line.cursor - lineStart}, width));
			continue;
		}
		const start = inputViewport({text, cursor: 0}, width);
		rows.push({before: '', atCursor: '', after: text === '' ? '' : start.atCursor + start.after});
	}
	return {rows, first, total: lines.length};
}
