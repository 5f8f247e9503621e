// Quitting with messages the host has not taken yet asks first: they would be lost. A message
// the host holds for an away user is not lost by quitting, so it is not counted.
import type {ChatState} from './chat-state.js';
import {indexOfSeq, messageAt} from './message-log.js';

/** Recipients of the messages still waiting, in the order they were sent, one entry per message. */
function waitingRecipients(state: ChatState): string[] {
	const recipients = state.outbox.map((item) => item.to);
	for (const {partner, seq} of state.pending.values()) {
		const log = state.conversations.get(partner)?.log;
		const message = log ? messageAt(log, indexOfSeq(log, seq)) : undefined;
		if (message?.delivery?.state !== 'held') recipients.push(partner);
	}
	return recipients;
}

function listOf(names: readonly string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** `2 messages to bob are not delivered yet: quit anyway? y/n`, or undefined when none wait. */
export function quitQuestion(state: ChatState): string | undefined {
	const recipients = waitingRecipients(state);
	if (recipients.length === 0) return undefined;
	const count = recipients.length;
	const to = listOf([...new Set(recipients)]);
	const messages = count === 1 ? '1 message' : `${count} messages`;
	return `${messages} to ${to} ${count === 1 ? 'is' : 'are'} not delivered yet: quit anyway? y/n`;
}

/** A first quit with messages waiting asks; a quit while asking, or with nothing waiting, quits. */
export function quit(state: ChatState): ChatState {
	// A second quit while waiting for the host ends at once.
	if (state.quitRequested) return {...state, ended: state.ended ?? {exitCode: 0}};
	if (state.quitAsking === undefined) {
		const question = quitQuestion(state);
		if (question !== undefined) return {...state, quitAsking: question};
	}
	return {...state, quitAsking: undefined, quitRequested: true};
}

/** The answer to the question: y quits, n (or Esc) goes back to the chat; other keys wait. */
export function answerQuit(state: ChatState, answer: string): ChatState {
	const key = answer.trim().toLowerCase();
	if (key === 'y') return quit(state);
	if (key === 'n' || key === 'escape') return {...state, quitAsking: undefined};
	return state;
}
