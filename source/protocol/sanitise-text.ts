// Cleans message text (docs/protocol.md "Message text"): no terminal control, so that no peer can
// move another user's cursor, clear their screen or retitle their terminal, and nothing that
// reads otherwise than it shows (visible-text.ts).

import {visibleText} from './visible-text.js';

/** Any code point that starts or is terminal control. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u;

/** Anything but TAB and the printable ASCII and Latin letters, where no step finds anything. */
const MAY_NEED_CLEANING = /[^\t\x20-\x7e\xa0-\xac\xae-\u02ff]/;

// A string sequence runs to its terminator; an unterminated one runs to the end of the text.
const STRING_END = '(?:\\x1b\\\\|\\x9c|$)';
const OSC_END = '(?:\\x07|\\x1b\\\\|\\x9c|$)';
const CSI_BODY = '[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?';

const SEQUENCE = new RegExp(
	[
		`(?:\\x1b\\[|\\x9b)${CSI_BODY}`, // CSI, 7-bit and 8-bit
		`(?:\\x1b\\]|\\x9d)[^]*?${OSC_END}`, // OSC: ends at BEL or ST
		`(?:\\x1b[PX^_]|[\\x90\\x98\\x9e\\x9f])[^]*?${STRING_END}`, // DCS, SOS, PM, APC
		'\\x1b[\\x20-\\x2f]+[\\x30-\\x7e]?', // ESC with intermediates, e.g. a charset switch
		'\\x1b[^]?', // any other ESC + one character
		CONTROL.source,
	].join('|'),
	'gu',
);

/** True when `sanitiseText` would change `text`. */
export function needsSanitising(text: string): boolean {
	return sanitiseText(text) !== text;
}

/** `text` cleaned; the same string object when there is nothing to clean. */
export function sanitiseText(text: string): string {
	if (!MAY_NEED_CLEANING.test(text)) return text;
	const withoutControl = CONTROL.test(text) ? text.replace(SEQUENCE, '') : text;
	return visibleText(withoutControl);
}
