// A logged-in plain (netcat) user's lines (docs/protocol.md "The plain face").

import {
	PLAIN_CHOOSE_PARTNER,
	PLAIN_QUIT,
	PLAIN_SELF,
	PLAIN_TO_NEEDS_NAME,
	parsePlainCommand,
	plainPartnerOffline,
	plainUnknownUser,
} from '../../protocol/plain-face.js';
import {sanitiseText} from '../../protocol/sanitise-text.js';
import type {User, UserLink} from '../relay/user.js';
import type {SessionContext} from './session-context.js';

export function handlePlainLine(
	context: SessionContext,
	link: UserLink,
	user: User,
	line: string,
): void {
	const command = parsePlainCommand(line);
	switch (command.kind) {
		case 'quit': {
			link.close('quit', PLAIN_QUIT);
			return;
		}

		case 'to': {
			choosePartner(context, link, user, command.name);
			return;
		}

		default: {
			// `pass:…` only means a password on the first line; later it is text like any other.
			sendToPartner(context, link, user, line);
		}
	}
}

function choosePartner(context: SessionContext, link: UserLink, user: User, name: string): void {
	if (name === '') {
		link.send(PLAIN_TO_NEEDS_NAME);
		return;
	}

	const partner = context.users.find(name);
	if (partner === undefined) {
		// An owner who is offline can be written to: what you send waits for them.
		const answered = context.relay.ownerOf(name, (owner) => {
			if (owner === undefined) link.send(plainUnknownUser(sanitiseText(name)));
			else user.partnerName = owner;
		});
		// The text after `to:NAME` goes to NAME, however long the answer takes.
		if (answered !== undefined) link.holdLinesUntil(answered);
		return;
	}

	if (partner === user) {
		link.send(PLAIN_SELF);
		return;
	}

	user.partnerName = partner.name;
	// Choosing someone makes you their partner too, if they have partners (the plain face).
	if (partner.face === 'plain') context.users.follow(partner, user.name);
}

function sendToPartner(context: SessionContext, link: UserLink, user: User, text: string): void {
	const partnerName = user.partnerName;
	if (partnerName === undefined) {
		link.send(PLAIN_CHOOSE_PARTNER);
		return;
	}

	const partner = context.users.find(partnerName);
	const clean = sanitiseText(text);
	if (partner === undefined) {
		context.relay.ownerOf(partnerName, (owner) => {
			if (owner === undefined) link.send(plainPartnerOffline(partnerName));
			else if (clean !== '') context.relay.keepForOffline(user, owner, clean, undefined);
		});
		return;
	}

	// Nothing visible is left: relaying an empty line would only confuse the partner.
	if (clean === '') return;
	context.relay.deliver(user, partner, clean, undefined);
}
