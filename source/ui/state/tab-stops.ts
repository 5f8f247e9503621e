// A tab drawn as the spaces to the next tab stop, as a terminal draws it, so the cell arithmetic
// of wrapping and the cursor stays true. The column counts from where the text starts.
import {clustersOf} from './text-width.js';

/** Columns between tab stops, as on every terminal unless it was told otherwise. */
export const TAB_WIDTH = 8;

/** `text` (one line) with each tab turned into spaces up to the next tab stop after `column`. */
export function expandTabs(text: string, column = 0): string {
	if (!text.includes('\t')) return text;
	let result = '';
	let at = column;
	for (const cluster of clustersOf(text)) {
		if (cluster.text === '\t') {
			const spaces = TAB_WIDTH - (at % TAB_WIDTH);
			result += ' '.repeat(spaces);
			at += spaces;
		} else {
			result += cluster.text;
			at += cluster.width;
		}
	}

	return result;
}
