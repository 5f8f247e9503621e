// What the host's lines mean for the user once logged in: presence, messages (each shown once)
// and the results of our own messages, which settle them among the pending sends.
import type {HostLine} from '../protocol/host-lines.js';
import type {ClientEvent} from './chat-client.js';
import type {ClientEvents} from './client-events.js';
import {RecentSet, createIncomingDedupe, laterMessageId} from './incoming-dedupe.js';
import {DEDUPE_MEMORY} from './limits.js';
import type {PendingSends} from './pending-sends.js';

type IncomingLines = {
	handle(line: HostLine): void;
	/** The highest message id received, for `HELLO … last=` on a resume. */
	readonly lastMessageId: string | undefined;
};

const presenceEvents = {
	join: 'user-joined',
	leave: 'user-left',
	away: 'user-away',
	back: 'user-back',
} as const;

export function createIncomingLines(events: ClientEvents, sends: PendingSends): IncomingLines {
	const dedupe = createIncomingDedupe();
	// Refs whose DELIVERED came: each is passed on once.
	const delivered = new RecentSet(DEDUPE_MEMORY);
	let lastMessageId: string | undefined;
	return {
		get lastMessageId() {
			return lastMessageId;
		},
		handle(line) {
			switch (line.kind) {
				case 'key': {
					events.emit({type: 'user-key', name: line.name, fingerprint: line.fingerprint});
					break;
				}

				case 'join':
				case 'leave':
				case 'away':
				case 'back': {
					events.emit({type: presenceEvents[line.kind], name: line.name});
					break;
				}

				case 'msg': {
					lastMessageId = laterMessageId(lastMessageId, line.id);
					if (dedupe.isFirstSighting(line)) {
						const {id, time, from, to, text, options} = line;
						const message: ClientEvent = {type: 'message', id, time, from, to, text};
						if (options?.more !== undefined) message.more = options.more;
						if (options?.action === true) message.action = true;
						if (line.stored) message.stored = true;
						events.emit(message);
					}

					break;
				}

				case 'held': {
					// Still unsettled: DELIVERED or FAILED follows, or a resend after a drop asks again.
					if (sends.has(line.ref)) {
						events.emit({type: 'held', ref: line.ref, id: line.id, time: line.time});
					}

					break;
				}

				case 'stored': {
					if (sends.settle(line.ref)) {
						events.emit({type: 'stored', ref: line.ref, id: line.id, time: line.time});
					}

					break;
				}

				case 'delivered': {
					sends.settle(line.ref);
					// Also a ref this run never sent: a message stored in an earlier run reached its
					// recipient, which that run's history still shows as stored.
					if (delivered.has(line.ref)) break;
					delivered.add(line.ref);
					events.emit({type: 'delivered', ref: line.ref, id: line.id, time: line.time});
					break;
				}

				case 'failed': {
					if (sends.settle(line.ref)) {
						events.emit({type: 'failed', ref: line.ref, code: line.code, reason: line.reason});
					}

					break;
				}

				case 'error': {
					events.emit({type: 'error', code: line.code, message: line.reason});
					break;
				}

				default: {
					// Unknown verbs are a newer host's additions; ignoring them keeps old clients working.
				}
			}
		},
	};
}
