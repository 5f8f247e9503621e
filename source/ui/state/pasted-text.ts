// What a paste puts into the input: its lines as the host will keep them (no terminal control,
// tabs kept), joined by LF whatever the terminal or the source file used.
import {sanitiseText} from '../../protocol/sanitise-text.js';

const LINE_BREAK = /\r\n|\r|\n/;

export function pastedText(raw: string): string {
	return raw
		.split(LINE_BREAK)
		.map((line) => sanitiseText(line))
		.join('\n');
}
