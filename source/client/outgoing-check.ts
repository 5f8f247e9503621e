// What `send()` refuses locally, before anything reaches the wire: a message is never truncated
// and never split, so one that cannot go out whole fails with a reason instead.
import {MAX_LINE_BYTES} from '../protocol/limits.js';
import {encodeSend} from '../protocol/client-lines.js';

type LocalFailure = {code: string; reason: string};

const LINE_BREAK = /[\r\n]/;
const SPACE = /\s/;

/** Why `SEND ref to :text` cannot be sent as one line, or undefined when it can. */
export function checkOutgoing(ref: string, to: string, text: string): LocalFailure | undefined {
	if (to === '' || SPACE.test(to)) {
		return {code: 'no-such-user', reason: `'${to}' is not a user name`};
	}

	if (text.length === 0) {
		return {code: 'empty-text', reason: 'there is nothing to send'};
	}

	if (LINE_BREAK.test(text)) {
		return {code: 'bad-text', reason: 'a message is one line: it cannot contain a line break'};
	}

	const lineBytes = Buffer.byteLength(encodeSend(ref, to, text));
	if (lineBytes > MAX_LINE_BYTES) {
		const room = MAX_LINE_BYTES - (lineBytes - Buffer.byteLength(text));
		return {
			code: 'too-long',
			reason: `too long to send: ${Buffer.byteLength(text)} bytes, at most ${room} fit in one message`,
		};
	}

	return undefined;
}
