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
import type {Connection} from '../connection/connection.js';
import type {User} from '../relay/user.js';

export function handlePlainLine(connection: Connection, user: User, line: string): void {
	const command = parsePlainCommand(line);
	switch (command.kind) {
		case 'quit': {
			connection.close('quit', PLAIN_QUIT);
			return;
		}

		case 'to': {
			choosePartner(connection, user, command.name);
			return;
		}

		default: {
			// `pass:…` only means a password on the first line; later it is text like any other.
			sendToPartner(connection, user, line);
		}
	}
}

function choosePartner(connection: Connection, user: User, name: string): void {
	if (name === '') {
		connection.queue.push(PLAIN_TO_NEEDS_NAME);
		return;
	}

	const partner = connection.relay.directory.find(name);
	if (partner === undefined) {
		connection.queue.push(plainUnknownUser(sanitiseText(name)));
		return;
	}

	if (partner === user) {
		connection.queue.push(PLAIN_SELF);
		return;
	}

	user.partnerName = partner.name;
	// Choosing someone makes you their partner too, if they have partners (the plain face).
	if (partner.face === 'plain') partner.partnerName = user.name;
}

function sendToPartner(connection: Connection, user: User, text: string): void {
	const partnerName = user.partnerName;
	if (partnerName === undefined) {
		connection.queue.push(PLAIN_CHOOSE_PARTNER);
		return;
	}

	const partner = connection.relay.directory.find(partnerName);
	if (partner === undefined) {
		connection.queue.push(plainPartnerOffline(partnerName));
		return;
	}

	const clean = sanitiseText(text);
	// Nothing visible is left: relaying an empty line would only confuse the partner.
	if (clean === '') return;
	connection.relay.deliver(user, partner, clean, undefined);
}
