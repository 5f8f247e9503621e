// The one reducer over the UI state: client events, commands from keys, typed text, send results.
import type {ClientEvent} from '../../client/chat-client.js';
import type {ChatState} from './chat-state.js';
import {applyClientEvents} from './apply-client-events.js';
import {deliveredEarlier, setDelivery} from './conversation-updates.js';
import {insertText} from './input-editing.js';
import type {Command} from '../keys/keymap.js';
import {applyCommand, type CommandContext} from './apply-command.js';
import {MAX_MESSAGE_BYTES, MAX_MESSAGE_LINES} from '../../client/limits.js';
import {answerQuit} from './quit-question.js';
import {pastedText} from './pasted-text.js';
import {applyHistoryResult} from './apply-history-result.js';
import type {TaskResult} from './history-tasks.js';
import {answerForget} from './search-and-forget.js';
import {readShownPartner} from './history-pages.js';

export type ChatAction =
	/** Client events, batched so a burst of messages is one state change and one frame. */
	| {type: 'client-events'; events: readonly ClientEvent[]; now?: number}
	| ({type: 'command'; command: Command} & CommandContext)
	/** `blind`: typed while the screen is hidden, so it only answers the quit question. */
	| {type: 'type-text'; text: string; blind?: boolean}
	/** A bracketed paste, as the terminal sent it: text for the input, never keys. */
	| {type: 'paste'; text: string}
	/** The client accepted outbox message `localId` and named it `ref`. */
	| {type: 'sent'; localId: number; ref: string}
	/** The client threw while sending outbox message `localId`. */
	| {type: 'send-failed'; localId: number; reason: string}
	/** The history effect did a task (hooks/use-history-tasks.ts). */
	| ({type: 'history-done'} & TaskResult)
	/** A message an earlier session sent was delivered now: the history found it (its uid). */
	| {type: 'delivered-earlier'; partner: string; uid: string};

function typeText(state: ChatState, text: string, blind = false): ChatState {
	if (state.quitAsking !== undefined) return answerQuit(state, text);
	if (blind || state.helpOpen || state.confirmSend || text === '') return state;
	const input = insertText(state.input, text);
	// The line never grows past what one message can carry, so a huge paste cannot stall editing.
	if (Buffer.byteLength(input.text) > MAX_MESSAGE_BYTES) {
		const limit = `the line is full: a message holds at most ${MAX_MESSAGE_BYTES} bytes`;
		return {...state, notice: {tone: 'error', text: limit}};
	}
	const lines = input.text.split('\n').length;
	if (lines > MAX_MESSAGE_LINES) {
		const limit = `not pasted: that makes ${lines} lines, and a message holds at most ${MAX_MESSAGE_LINES}`;
		return {...state, notice: {tone: 'error', text: limit}};
	}
	return {
		...state,
		input,
		completion: undefined,
		historyIndex: undefined,
	};
}

function takeFromOutbox(state: ChatState, localId: number) {
	const item = state.outbox.find((outgoing) => outgoing.localId === localId);
	const outbox = state.outbox.filter((outgoing) => outgoing.localId !== localId);
	return {item, state: {...state, outbox}};
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
	return readShownPartner(reduce(state, action));
}

function reduce(state: ChatState, action: ChatAction): ChatState {
	// After /forget the next key answers it, whatever it is, but for the terminal's own keys
	// (Ctrl+L, Ctrl+Z) and keys typed while the screen is hidden.
	if (
		state.confirmForget !== undefined &&
		((action.type === 'type-text' && action.blind !== true) ||
			(action.type === 'command' && action.command !== 'redraw' && action.command !== 'suspend'))
	) {
		return answerForget(state, action.type === 'type-text' ? action.text : undefined);
	}
	switch (action.type) {
		case 'history-done': {
			return applyHistoryResult(state, action);
		}
		case 'delivered-earlier': {
			return deliveredEarlier(state, action.partner, action.uid);
		}
		case 'client-events': {
			return applyClientEvents(state, action.events, action.now);
		}
		case 'command': {
			return applyCommand(state, action.command, action);
		}
		case 'type-text': {
			return typeText(state, action.text, action.blind);
		}
		case 'paste': {
			// A paste is text for the input, never the answer to the quit question.
			if (state.quitAsking !== undefined) return state;
			return typeText(state, pastedText(action.text));
		}
		case 'sent': {
			const taken = takeFromOutbox(state, action.localId);
			if (!taken.item) return taken.state;
			const pending = new Map(taken.state.pending);
			pending.set(action.ref, {partner: taken.item.to, seq: taken.item.seq, uid: taken.item.uid});
			return {...taken.state, pending};
		}
		case 'send-failed': {
			const taken = takeFromOutbox(state, action.localId);
			if (!taken.item) return taken.state;
			// Reuse the result path so the message shows the failure like any other.
			const ref = `local-${action.localId}`;
			const pending = new Map(taken.state.pending);
			pending.set(ref, {partner: taken.item.to, seq: taken.item.seq, uid: taken.item.uid});
			return setDelivery(
				{...taken.state, pending},
				ref,
				{state: 'failed', reason: action.reason},
				true,
			);
		}
	}
}
