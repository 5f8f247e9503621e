// The one reducer over the UI state: client events, commands from keys, typed text, send results.
import type {ClientEvent} from '../../client/chat-client.js';
import type {ChatState} from './chat-state.js';
import {applyClientEvents} from './apply-client-events.js';
import {setDelivery} from './conversation-updates.js';
import {insertText} from './input-editing.js';
import type {Command} from '../keys/keymap.js';
import {applyCommand, type CommandContext} from './apply-command.js';
import {MAX_TEXT_BYTES} from '../../client/limits.js';
import {answerQuit} from './quit-question.js';

export type ChatAction =
	/** Client events, batched so a burst of messages is one state change and one frame. */
	| {type: 'client-events'; events: readonly ClientEvent[]; now?: number}
	| ({type: 'command'; command: Command} & CommandContext)
	/** `blind`: typed while the screen is hidden, so it only answers the quit question. */
	| {type: 'type-text'; text: string; blind?: boolean}
	/** The client accepted outbox message `localId` and named it `ref`. */
	| {type: 'sent'; localId: number; ref: string}
	/** The client threw while sending outbox message `localId`. */
	| {type: 'send-failed'; localId: number; reason: string};

function typeText(state: ChatState, text: string, blind = false): ChatState {
	if (state.quitAsking !== undefined) return answerQuit(state, text);
	if (blind || state.helpOpen || text === '') return state;
	const input = insertText(state.input, text);
	// The line never grows past what one message can carry, so a huge paste cannot stall editing.
	if (Buffer.byteLength(input.text) > MAX_TEXT_BYTES) {
		const limit = `the line is full: a message holds at most ${MAX_TEXT_BYTES} bytes`;
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
	switch (action.type) {
		case 'client-events': {
			return applyClientEvents(state, action.events, action.now);
		}
		case 'command': {
			return applyCommand(state, action.command, action);
		}
		case 'type-text': {
			return typeText(state, action.text, action.blind);
		}
		case 'sent': {
			const taken = takeFromOutbox(state, action.localId);
			if (!taken.item) return taken.state;
			const pending = new Map(taken.state.pending);
			pending.set(action.ref, {partner: taken.item.to, seq: taken.item.seq});
			return {...taken.state, pending};
		}
		case 'send-failed': {
			const taken = takeFromOutbox(state, action.localId);
			if (!taken.item) return taken.state;
			// Reuse the result path so the message shows the failure like any other.
			const ref = `local-${action.localId}`;
			const pending = new Map(taken.state.pending);
			pending.set(ref, {partner: taken.item.to, seq: taken.item.seq});
			return setDelivery(
				{...taken.state, pending},
				ref,
				{state: 'failed', reason: action.reason},
				true,
			);
		}
	}
}
