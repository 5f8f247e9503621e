// Removes terminal control from message text (docs/protocol.md "Message text"), so that no peer
// can move another user's cursor, clear their screen or retitle their terminal.

/** Any code point that starts or is terminal control; clean text (the usual case) matches none. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u;

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

/** True when `text` holds anything `sanitiseText` would remove. */
export function needsSanitising(text: string): boolean {
	return CONTROL.test(text);
}

/** `text` without terminal control; the same string object when there is none. */
export function sanitiseText(text: string): string {
	if (!CONTROL.test(text)) return text;
	return text.replace(SEQUENCE, '');
}
