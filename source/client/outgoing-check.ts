// What `send()` refuses locally, before anything reaches the wire: a message is never truncated,
// so one past the message limits fails whole with a reason instead.
import {MAX_MESSAGE_BYTES, MAX_MESSAGE_LINES, MAX_TEXT_BYTES} from './limits.js';
import {splitMessage, type MessagePart} from './message-parts.js';

type LocalFailure = {code: string; reason: string};

const SPACE = /\s/;
const LINE_BREAK = /\r\n|\r|\n/g;

/** The parts `text` travels in, or why it cannot be sent. */
export function checkOutgoing(to: string, text: string): LocalFailure | {parts: MessagePart[]} {
	if (to === '' || SPACE.test(to)) {
		return {code: 'no-such-user', reason: `'${to}' is not a user name`};
	}

	const bytes = Buffer.byteLength(text);
	if (bytes > MAX_MESSAGE_BYTES) {
		return {
			code: 'too-long',
			reason: `too long to send: ${bytes} bytes, and a message holds at most ${MAX_MESSAGE_BYTES}`,
		};
	}

	const lines = (text.match(LINE_BREAK)?.length ?? 0) + 1;
	if (lines > MAX_MESSAGE_LINES) {
		return {
			code: 'too-long',
			reason: `too long to send: ${lines} lines, and a message holds at most ${MAX_MESSAGE_LINES}`,
		};
	}

	const parts = splitMessage(text, MAX_TEXT_BYTES);
	if (parts.length === 0) return {code: 'empty-text', reason: 'there is nothing to send'};
	return {parts};
}
