// How `chat log` writes a message or a conversation: text for people and grep, or JSON lines.
import type {HistoryMessage, StoredConversation} from '../history/chat-history.js';
import {sanitiseText} from '../protocol/sanitise-text.js';

const pad = (value: number) => String(value).padStart(2, '0');

/** '2026-12-01 14:05:09', local time: sorts as text, and reads at a glance. */
function localTimestamp(time: number): string {
	const date = new Date(time);
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function deliveryNote(message: HistoryMessage): string {
	if (message.delivery?.state === 'failed') return ` [not delivered: ${message.delivery.reason}]`;
	if (message.delivery?.state === 'held') return ' [held for them]';
	if (message.delivery?.state === 'stored') return ' [stored for them]';
	return '';
}

export function messageLine(message: HistoryMessage, partner: string, json: boolean): string {
	if (json) {
		const {time, from, text, delivery} = message;
		const record: Record<string, unknown> = {
			time: new Date(time).toISOString(),
			from,
			with: partner,
			text,
		};
		if (message.action === true) record['action'] = true;
		if (delivery) record['delivery'] = delivery.state;
		if (delivery?.state === 'failed') record['reason'] = delivery.reason;
		return JSON.stringify(record);
	}
	// One stamped line per line of a multi-line message, as the plain face prints it, so each
	// line greps with its time and sender. Control characters never reach the terminal or pager.
	// A /me as the screen draws it: `* alice waves`.
	const from = sanitiseText(message.from);
	const head = `${localTimestamp(message.time)}  ${message.action === true ? `* ${from} ` : `${from}: `}`;
	const lines = message.text.split('\n').map((line) => head + sanitiseText(line));
	return lines.join('\n') + deliveryNote(message);
}

export function conversationLine(
	conversation: StoredConversation & {closed: boolean},
	json: boolean,
): string {
	const {partner, messages, lastTime, closed} = conversation;
	if (json) {
		return JSON.stringify({partner, messages, last: new Date(lastTime).toISOString(), closed});
	}
	const count = `${messages} message${messages === 1 ? '' : 's'}`;
	return `${sanitiseText(partner)}  ${count}  last ${localTimestamp(lastTime)}${closed ? '  (closed)' : ''}`;
}
