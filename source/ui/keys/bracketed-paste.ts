// Bracketed paste (xterm): with ESC[?2004h on, the terminal wraps a paste in ESC[200~ … ESC[201~,
// so pasted lines are text for the input and never keys. Ink hands the input over in pieces (a
// sequence alone, a run of text, a chunk of stdin at a time), so a paste may come in many pieces
// and a marker may be split between two. Pure: the caller feeds the pieces in order.

export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';

export type InputPiece =
	/** Keys as Ink gave them, to parse as keys. */
	| {kind: 'keys'; data: string}
	/** A whole paste, exactly as the terminal sent it between the markers. */
	| {kind: 'paste'; text: string};

export type PasteParser = {
	/** A paste has started and not ended, or a split marker waits for its rest: flush if none comes. */
	readonly waiting: boolean;
	push(data: string): InputPiece[];
	/** Ends a paste whose end marker never came (a terminal that lost it): what came is the paste. */
	flush(): InputPiece[];
};

/** The longest start of PASTE_START or PASTE_END that `text` ends with, as a length. */
function partialMarkerAtEnd(text: string, marker: string): number {
	for (let length = Math.min(marker.length - 1, text.length); length > 0; length--) {
		if (text.endsWith(marker.slice(0, length))) return length;
	}

	return 0;
}

export function createPasteParser(): PasteParser {
	let pasting = false;
	let paste = '';
	/** Keys held back because they may be the start of a split start marker. */
	let held = '';

	const takeKeys = (data: string, pieces: InputPiece[]) => {
		let rest = held + data;
		held = '';
		for (;;) {
			const start = rest.indexOf(PASTE_START);
			if (start === -1) break;
			if (start > 0) pieces.push({kind: 'keys', data: rest.slice(0, start)});
			pasting = true;
			rest = takePaste(rest.slice(start + PASTE_START.length), pieces);
			if (pasting) return;
		}

		// Only a piece that is the start of a marker, and no key sequence of its own, is held.
		const partial = rest.length >= 3 ? partialMarkerAtEnd(rest, PASTE_START) : 0;
		if (partial === rest.length && partial > 0) {
			held = rest;
			return;
		}

		if (rest !== '') pieces.push({kind: 'keys', data: rest});
	};

	/** Adds to the paste; returns what follows its end, or '' while it goes on. */
	const takePaste = (data: string, pieces: InputPiece[]): string => {
		// Only the new text, and the end of the old that may hold the start of a split marker.
		const from = Math.max(0, paste.length - PASTE_END.length + 1);
		paste += data;
		const end = paste.indexOf(PASTE_END, from);
		if (end === -1) return '';
		// A start marker inside a paste is the terminal's or the pasted text's: never text.
		const text = paste.slice(0, end).replaceAll(PASTE_START, '');
		const after = paste.slice(end + PASTE_END.length);
		paste = '';
		pasting = false;
		pieces.push({kind: 'paste', text});
		return after;
	};

	return {
		get waiting() {
			return pasting || held !== '';
		},
		push(data) {
			const pieces: InputPiece[] = [];
			if (pasting) {
				const after = takePaste(data, pieces);
				if (!pasting) takeKeys(after, pieces);
			} else {
				takeKeys(data, pieces);
			}

			return pieces;
		},
		flush() {
			const pieces: InputPiece[] = [];
			if (pasting) {
				const keep = partialMarkerAtEnd(paste, PASTE_END);
				const text = paste.slice(0, paste.length - keep).replaceAll(PASTE_START, '');
				pieces.push({kind: 'paste', text});
				paste = '';
				pasting = false;
			}

			if (held !== '') pieces.push({kind: 'keys', data: held});
			held = '';
			return pieces;
		},
	};
}
