// One row of the search results: when, who, and the text cut to the row with the matches marked,
// starting a little before the first match when it would fall past the row's end.
import type {SearchHit} from '../../history/chat-history.js';
import {matchRanges} from '../../protocol/search-folding.js';
import {clockTime, dayLabel} from './format-time.js';
import {displayWidth, truncateToWidth} from './text-width.js';
import {displayText} from './wrap-message.js';

/** Characters of context kept before a match that had to be scrolled into the row. */
const CONTEXT_BEFORE_MATCH = 12;

/** Between the lines of a message of several, which its one row shows side by side. */
export const LINE_BREAK_MARK = ' ↵ ';

export type SearchRow = {
	prefix: string;
	segments: Array<{text: string; match: boolean}>;
};

export function searchRow(hit: SearchHit, query: string, width: number, all: boolean): SearchRow {
	const {message} = hit;
	const who =
		all && message.from !== hit.partner ? `${message.from} → ${hit.partner}` : message.from;
	const prefix = `${dayLabel(message.time)} ${clockTime(message.time)}  ${displayText(who)}: `;
	let text = message.text.split('\n').map(displayText).join(LINE_BREAK_MARK);
	const room = Math.max(1, width - displayWidth(prefix));
	const first = matchRanges(text, query)[0];
	if (first && displayWidth(text.slice(0, first[1])) > room) {
		text = `…${text.slice(Math.max(0, first[0] - CONTEXT_BEFORE_MATCH))}`;
	}
	const shown = truncateToWidth(text, room);
	const segments: SearchRow['segments'] = [];
	let at = 0;
	for (const [start, end] of matchRanges(shown, query)) {
		if (start > at) segments.push({text: shown.slice(at, start), match: false});
		segments.push({text: shown.slice(start, end), match: true});
		at = end;
	}
	if (at < shown.length) segments.push({text: shown.slice(at), match: false});
	return {prefix: truncateToWidth(prefix, width), segments};
}
