// A logged-in structured user's lines (docs/protocol.md "Client → host"). The host keeps no
// current partner here: every SEND names its recipient.

import {sanitiseText} from '../../protocol/sanitise-text.js';
import {
	deliveredFromMsg,
	encodeCoded,
	encodeFailed,
	encodePong,
	parseClientLine,
} from '../../protocol/structured-messages.js';
import type {Connection} from '../connection/connection.js';
import {CanonicalSend} from './send-line.js';
import type {User} from '../relay/user.js';

/** One for the host: it is read and used before the next line comes. */
const canonicalSend = new CanonicalSend();

export function handleStructuredLine(connection: Connection, user: User, line: string): void {
	if (canonicalSend.read(line)) {
		send(connection, user, canonicalSend.ref, canonicalSend.to, canonicalSend.text);
		return;
	}

	const parsed = parseClientLine(line);
	switch (parsed.kind) {
		case 'send': {
			send(connection, user, parsed.ref, parsed.to, parsed.text);
			return;
		}

		case 'ping': {
			connection.queue.push(encodePong(parsed.token));
			return;
		}

		case 'pong': {
			// Any line proves the connection alive; the connection noted it already.
			return;
		}

		case 'quit': {
			connection.close('quit', encodeCoded('BYE', 'quit', 'goodbye'));
			return;
		}

		case 'hello': {
			connection.queue.push(encodeCoded('ERROR', 'bad-command', 'you are already logged in'));
			return;
		}

		case 'unknown': {
			const verb = sanitiseText(parsed.verb).slice(0, 32);
			connection.queue.push(encodeCoded('ERROR', 'unknown-command', `unknown command ${verb}`));
			return;
		}

		case 'bad': {
			connection.queue.push(encodeCoded('ERROR', 'bad-command', parsed.reason));
		}
	}
}

function send(connection: Connection, user: User, ref: string, to: string, text: string): void {
	const {refs} = user;
	const seen = refs.lookup(ref);
	if (seen !== undefined) {
		// A resent SEND: answer again, relay never twice. '' means the answer is still to come.
		if (seen !== '')
			connection.queue.push(seen.startsWith('MSG ') ? deliveredFromMsg(ref, seen) : seen);
		return;
	}

	refs.remember(ref);
	const recipient = connection.relay.directory.find(to);
	if (recipient === undefined) {
		fail(connection, user, ref, 'no-such-user', `the user ${sanitiseText(to)} does not exist`);
		return;
	}

	if (recipient === user) {
		fail(connection, user, ref, 'self', 'you cannot message yourself');
		return;
	}

	const clean = sanitiseText(text);
	if (clean === '') {
		const reason = 'nothing is left of the text once control characters are removed';
		fail(connection, user, ref, 'empty-text', reason);
		return;
	}

	connection.relay.deliver(user, recipient, clean, ref);
}

function fail(connection: Connection, user: User, ref: string, code: string, reason: string): void {
	const line = encodeFailed(ref, code, reason);
	user.refs.settle(ref, line);
	connection.queue.push(line);
}
