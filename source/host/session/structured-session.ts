// A logged-in structured user's lines (docs/protocol.md "Client → host"). The host keeps no
// current partner here: every SEND names its recipient.

import type {MessageOptions} from '../../protocol/message-options.js';
import {sanitiseText} from '../../protocol/sanitise-text.js';
import {
	deliveredFromMsg,
	encodeCoded,
	encodeFailed,
	encodePong,
	parseClientLine,
} from '../../protocol/structured-messages.js';
import {CanonicalSend} from './send-line.js';
import type {User, UserLink} from '../relay/user.js';
import type {SessionContext} from './session-context.js';

/** One for the host: it is read and used before the next line comes. */
const canonicalSend = new CanonicalSend();

export function handleStructuredLine(
	context: SessionContext,
	link: UserLink,
	user: User,
	line: string,
): void {
	if (canonicalSend.read(line)) {
		send(context, link, user, canonicalSend);
		return;
	}

	const parsed = parseClientLine(line);
	switch (parsed.kind) {
		case 'send': {
			send(context, link, user, parsed, parsed.options);
			return;
		}

		case 'ping': {
			link.send(encodePong(parsed.token));
			return;
		}

		case 'pong': {
			// Any line proves the connection alive; the connection noted it already.
			return;
		}

		case 'quit': {
			link.close('quit', encodeCoded('BYE', 'quit', 'goodbye'));
			return;
		}

		case 'hello': {
			link.send(encodeCoded('ERROR', 'bad-command', 'you are already logged in'));
			return;
		}

		case 'prove': {
			link.send(encodeCoded('ERROR', 'bad-command', 'there is no challenge to answer'));
			return;
		}

		case 'unknown': {
			const verb = sanitiseText(parsed.verb).slice(0, 32);
			link.send(encodeCoded('ERROR', 'unknown-command', `unknown command ${verb}`));
			return;
		}

		case 'bad': {
			link.send(encodeCoded('ERROR', 'bad-command', parsed.reason));
		}
	}
}

type SendFields = {readonly ref: string; readonly to: string; readonly text: string};

function send(
	context: SessionContext,
	link: UserLink,
	user: User,
	{ref, to, text}: SendFields,
	options?: MessageOptions,
): void {
	const {refs} = user;
	const seen = refs.lookup(ref);
	if (seen !== undefined) {
		// A resent SEND: answer again, relay never twice. '' means the answer is still to come.
		if (seen !== '') link.send(seen.startsWith('MSG ') ? deliveredFromMsg(ref, seen) : seen);
		return;
	}

	refs.remember(ref);
	const recipient = context.users.find(to);
	if (recipient === undefined) {
		sendOffline(context, link, user, {ref, to, text}, options);
		return;
	}

	if (recipient === user) {
		fail(link, user, ref, 'self', 'you cannot message yourself');
		return;
	}

	const clean = cleanOrFail(link, user, ref, text);
	if (clean !== undefined) context.relay.deliver(user, recipient, clean, ref, options);
}

/** Nobody by that name is online: kept if the name has an owner (docs/protocol.md "Messages for
 * someone offline"), else it does not exist. */
function sendOffline(
	context: SessionContext,
	link: UserLink,
	user: User,
	{ref, to, text}: SendFields,
	options: MessageOptions | undefined,
): void {
	context.relay.ownerOf(to, (owner) => {
		if (owner === undefined) {
			fail(link, user, ref, 'no-such-user', `the user ${sanitiseText(to)} does not exist`);
			return;
		}

		const clean = cleanOrFail(link, user, ref, text);
		if (clean !== undefined) context.relay.keepForOffline(user, owner, clean, ref, options);
	});
}

/** The text without control characters, or undefined once the SEND is failed for being empty. */
function cleanOrFail(link: UserLink, user: User, ref: string, text: string): string | undefined {
	const clean = sanitiseText(text);
	if (clean !== '') return clean;
	fail(
		link,
		user,
		ref,
		'empty-text',
		'nothing is left of the text once control characters are removed',
	);
	return undefined;
}

function fail(link: UserLink, user: User, ref: string, code: string, reason: string): void {
	const line = encodeFailed(ref, code, reason);
	user.refs.settle(ref, line);
	link.send(line);
}
