// A message from the store as the relay hands it on (docs/protocol.md "Messages for someone
// offline"): a Delivery to the user who logged in, marked `stored` on the wire, from a sender
// record that stands for whoever sent it (they may be gone, or on a host that restarted since).

import {nameKey} from '../../protocol/name-key.js';
import {encodeStoredMsg} from '../../protocol/structured-messages.js';
import {flat} from '../relay/flat-string.js';
import {type Delivery, User} from '../relay/user.js';
import type {WaitingMessage} from '../store/waiting-messages.js';

export function keptDelivery(message: WaitingMessage, recipient: User): Delivery {
	const {id, time, senderRef} = message;
	const sender = new User(
		message.sender,
		nameKey(message.sender),
		senderRef === undefined ? 'plain' : 'structured',
	);
	// Not a user of this host: nothing is ever sent to it (its sender is looked up by name).
	sender.gone = true;
	const {text, options} = message;
	const line = encodeStoredMsg(id, time, sender.name, recipient.name, senderRef, text, options);
	return {id, time, sender, ref: senderRef, recipient, line: flat(line), kept: 'stored'};
}
