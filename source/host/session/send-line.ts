// The line the host reads most: `SEND <ref> <to> :<text>` with single spaces, as the chat client
// writes it. It is split with indexOf into one reused object, without the arrays and objects
// of parseClientLine; any other form of the line returns false and goes through parseClientLine,
// which reads the canonical form the same way (test/host-send-line.test.ts checks that).

import {isValidRef} from '../../protocol/structured-messages.js';

const PREFIX = 'SEND ';
const SPACE = 32;
const COLON = 58;

export class CanonicalSend {
	ref = '';
	to = '';
	text = '';

	/** Fills ref, to and text and returns true if `line` is a canonical SEND with a valid ref. */
	read(line: string): boolean {
		if (!line.startsWith(PREFIX)) return false;
		const refStart = PREFIX.length;
		const refEnd = line.indexOf(' ', refStart);
		if (refEnd <= refStart) return false;
		const toStart = refEnd + 1;
		const code = line.charCodeAt(toStart);
		// A `:` here would start the trailing text, and a second space makes it another form.
		if (code === COLON || code === SPACE) return false;
		const toEnd = line.indexOf(' ', toStart);
		if (toEnd === -1 || line.charCodeAt(toEnd + 1) !== COLON) return false;
		const ref = line.slice(refStart, refEnd);
		if (!isValidRef(ref)) return false;
		this.ref = ref;
		this.to = line.slice(toStart, toEnd);
		this.text = line.slice(toEnd + 2);
		return true;
	}
}
