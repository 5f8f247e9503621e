// Display width of terminal text: CJK and most emoji take two cells, combining marks none.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const printableAscii = /^[\x20-\x7e]*$/;

/** Cells `text` takes on a terminal. */
export function displayWidth(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

/** The grapheme clusters of `text`, each with its width. */
export function clustersOf(text: string): Array<{text: string; width: number}> {
	if (printableAscii.test(text)) return [...text].map((char) => ({text: char, width: 1}));
	return Array.from(graphemes.segment(text), ({segment}) => ({
		text: segment,
		width: stringWidth(segment),
	}));
}

/** The longest start of `text` that fits in `width` cells. */
function fitWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	let result = '';
	let used = 0;
	for (const cluster of clustersOf(text)) {
		if (used + cluster.width > width) break;
		result += cluster.text;
		used += cluster.width;
	}
	return result;
}

/** `text` cut to `width` cells with an ellipsis when it does not fit. */
export function truncateToWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 0) return '';
	return `${fitWidth(text, width - 1)}…`;
}
