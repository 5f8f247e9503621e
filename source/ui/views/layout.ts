// Where everything goes on a terminal of a given size. Pure, so the key handler and the views agree.

/** The smallest terminal the UI draws on; below it a notice asks for more room. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/** The user list never takes more than this, so the conversation keeps the room. */
const MAX_LIST_WIDTH = 24;
const MIN_LIST_WIDTH = 12;

/** Rows below the main area besides the input: notice line, status bar. */
const BOTTOM_ROWS = 2;

/**
 * The input grows a row a line up to this many, then scrolls: a short snippet shows whole, and on
 * the smallest screen (MIN_ROWS) the conversation keeps four rows.
 */
export const MAX_INPUT_ROWS = 5;

type Layout = {
	tooSmall: boolean;
	columns: number;
	/** One row less than the terminal: a root as tall as the terminal makes Ink redraw it all. */
	rootHeight: number;
	/** Height of the user list and conversation pane. */
	mainHeight: number;
	listWidth: number;
	paneWidth: number;
	/** Cells a conversation line may take (the pane minus its padding and a spare last column). */
	messageWidth: number;
	/** Rows for messages: the pane minus its title line. */
	messageRows: number;
};

/** `inputRows`: rows the input takes now (1 to MAX_INPUT_ROWS). */
export function computeLayout(columns: number, rows: number, inputRows = 1): Layout {
	const listWidth = Math.min(MAX_LIST_WIDTH, Math.max(MIN_LIST_WIDTH, Math.floor(columns / 5)));
	const rootHeight = Math.max(1, rows - 1);
	const mainHeight = Math.max(1, rootHeight - BOTTOM_ROWS - inputRows);
	const paneWidth = Math.max(1, columns - listWidth);
	return {
		tooSmall: columns < MIN_COLUMNS || rows < MIN_ROWS,
		columns,
		rootHeight,
		mainHeight,
		listWidth,
		paneWidth,
		messageWidth: Math.max(1, paneWidth - 2),
		messageRows: Math.max(1, mainHeight - 1),
	};
}
