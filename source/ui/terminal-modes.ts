// The escape sequences that take the terminal into the chat screen and, on every way out, back.
import {sanitiseText} from '../protocol/sanitise-text.js';

const ESC = '\u001B';

export const bellSequence = '\u0007';

/** OSC 0: sets the window title; the text is cleaned so a name cannot end the sequence early. */
export function titleSequence(title: string): string {
	return `${ESC}]0;${sanitiseText(title)}\u0007`;
}

/** Bracketed paste on and off (xterm): a paste then comes marked, as text, never as keys. */
export const bracketedPasteOn = `${ESC}[?2004h`;
const bracketedPasteOff = `${ESC}[?2004l`;

/**
 * Saves the title (xterm title stack), switches to the alternate screen and clears it, and turns
 * bracketed paste on.
 */
export const enterSequence = `${ESC}[22;0t${ESC}[?1049h${ESC}[2J${ESC}[H${bracketedPasteOn}`;

/**
 * Undoes everything the UI may have changed: bracketed paste, colours, cursor visibility, the title
 * (emptied, then popped from the stack where the terminal has one), and the alternate screen.
 */
export const restoreSequence = `${bracketedPasteOff}${ESC}[0m${ESC}[?25h${titleSequence('')}${ESC}[23;0t${ESC}[?1049l`;

type Terminal = {
	stdin: {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	stdout: {write: (data: string) => unknown; writable?: boolean};
};

/** Puts the terminal back as it was. Safe to call more than once and on a closed terminal. */
export function restoreTerminal({stdin, stdout}: Terminal): void {
	try {
		if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
	} catch {
		// The terminal is gone (SIGHUP); there is nothing left to restore.
	}
	if (stdout.writable === false) return;
	try {
		stdout.write(restoreSequence);
	} catch {
		// Same: a closed terminal needs no restoring.
	}
}

/** Back from a suspend: raw mode, the alternate screen and a hidden cursor, as Ink draws them. */
export function takeTerminal({stdin, stdout}: Terminal): void {
	try {
		if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
		stdout.write(`${enterSequence}${ESC}[?25l`);
	} catch {
		// The terminal went away while the process was stopped; the chat ends on its own then.
	}
}
