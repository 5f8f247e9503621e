// Enter: the input line becomes a partner choice, a command, or a message to the partner.
import {
	INPUT_HISTORY_LIMIT,
	MAX_MESSAGE_BYTES,
	MAX_MESSAGE_LINES,
	PASTE_CONFIRM_LINES,
} from '../../client/limits.js';
import {checkName, nameKey} from '../../protocol/name-rules.js';
import {PLAIN_SELF, PLAIN_TO_NEEDS_NAME} from '../../protocol/plain-face.js';
import {findUser, type ChatState} from './chat-state.js';
import {
	addMessages,
	closeConversation,
	conversationOf,
	switchPartner,
	withConversation,
} from './conversation-updates.js';
import {emptyInputLine} from './input-editing.js';
import {commandWords, parseInputCommand} from '../keys/input-command.js';
import {clearScreen} from './clear-screen.js';
import {addEventLine} from './event-lines.js';
import {quit} from './quit-question.js';
import {request} from './screen-requests.js';
import {whoIsOnline} from './who-is-online.js';
import {loadOlder} from './history-pages.js';
import {logOf} from './message-log.js';
import {askToForget, startSearch} from './search-and-forget.js';
import {whoisNotice} from './whois.js';

export const NO_PARTNER_HINT = 'choose who to chat with: type to:NAME or press Ctrl+N';

/** Enter with no partner: what happened to the line, and how to send it. */
export const NOT_SENT_NO_PARTNER =
	'not sent yet: choose who to chat with (to:NAME or Ctrl+N) and your text comes back';

function error(state: ChatState, text: string): ChatState {
	return {...state, notice: {tone: 'error', text}};
}

/** Clears the input line and remembers it for Up/Down. */
function consumeLine(state: ChatState): ChatState {
	const line = state.input.text;
	const history =
		line.trim() === '' || state.history.at(-1) === line
			? state.history
			: [...state.history, line].slice(-INPUT_HISTORY_LIMIT);
	return {
		...state,
		input: emptyInputLine,
		history,
		historyIndex: undefined,
		draft: '',
		completion: undefined,
	};
}

function choosePartner(state: ChatState, typed: string): ChatState {
	if (typed === '') return error(state, PLAIN_TO_NEEDS_NAME);
	if (nameKey(typed) === nameKey(state.self)) return error(state, PLAIN_SELF);
	const name = findUser(state, typed);
	if (name === undefined) return error(state, `there is no user named ${typed} online`);
	return switchPartner(state, name);
}

/**
 * `/msg NAME text` for a name nobody online has: the text goes to the host, which keeps it for
 * NAME's owner (STORED: delivered when NAME returns) or answers that NAME does not exist, and the
 * conversation shows which. `to:NAME` still refuses such a name at once, as the relay always has.
 */
function leaveMessage(state: ChatState, typed: string, text: string, now: number): ChatState {
	const checked = checkName(typed);
	if (!checked.ok) return error(state, `${typed} cannot be a name: ${checked.reason}`);
	if (nameKey(checked.name) === nameKey(state.self)) return error(state, PLAIN_SELF);
	return sendText(switchPartner(consumeLine(state), checked.name), text, now);
}

/** Blank lines at either end never travel (docs/protocol.md "Long and multi-line messages"). */
const OUTER_BLANK_LINES = /^(?:[^\S\n]*\n)+|(?:\n[^\S\n]*)+$/g;

type SendOptions = {action?: boolean; confirmed?: boolean};

function sendText(
	state: ChatState,
	typed: string,
	now: number,
	options: SendOptions = {},
): ChatState {
	const text = typed.replaceAll(OUTER_BLANK_LINES, '');
	const to = state.partner;
	if (to === undefined) {
		// Nothing is sent, and nothing is lost: the line leaves the input, so to:NAME can be typed
		// there, and comes back once a partner is chosen (conversation-updates.ts).
		return {
			...consumeLine(state),
			unsent: state.input.text,
			notice: {tone: 'info', text: NOT_SENT_NO_PARTNER},
		};
	}
	const bytes = Buffer.byteLength(text);
	if (bytes > MAX_MESSAGE_BYTES) {
		return error(
			state,
			`the message is too long (${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES})`,
		);
	}
	const lines = text.split('\n').length;
	if (lines > MAX_MESSAGE_LINES) {
		return error(
			state,
			`the message is too long (${lines} lines; the limit is ${MAX_MESSAGE_LINES})`,
		);
	}
	if (lines > PASTE_CONFIRM_LINES && options.confirmed !== true) {
		return {...state, confirmSend: {to, lines}};
	}
	const consumed = atNewest(consumeLine(state), to);
	const action = options.action === true;
	const uid = `${state.sessionId}.${state.nextLocalId}`;
	const message = {time: now, from: state.self, text, uid, delivery: {state: 'sending'} as const};
	const added = addMessages(consumed, to, [action ? {...message, action} : message]);
	const conversation = conversationOf(added.state, to);
	const shown = withConversation(added.state, {...conversation, scroll: undefined, newBelow: 0});
	const outgoing = {localId: shown.nextLocalId, to, text, seq: added.seq, time: now, uid};
	return {
		...shown,
		notice: undefined,
		confirmSend: undefined,
		outbox: [...shown.outbox, action ? {...outgoing, action} : outgoing],
		nextLocalId: shown.nextLocalId + 1,
	};
}

/** An answer to a command: a line in the shown conversation, or the notice when there is none. */
function showInfo(state: ChatState, text: string, now: number): ChatState {
	if (state.partner === undefined) return {...state, notice: {tone: 'info', text}};
	const shown = conversationOf(state, state.partner);
	const opened = withConversation(state, {...shown, scroll: undefined, newBelow: 0});
	return addEventLine(opened, state.partner, text, now);
}

/** Enter on `Send N lines to bob?`: the input goes as it is, to whoever it asked about. */
export function confirmSend(state: ChatState, now: number): ChatState {
	return sendText(state, state.input.text, now, {confirmed: true});
}

/** Esc on `Send N lines to bob?`: back to the input, nothing sent. */
export function cancelSend(state: ChatState): ChatState {
	return {...state, confirmSend: undefined};
}

/** Asked on the notice line, in place of any notice, until Enter or Esc answers it. */
export function confirmQuestion({to, lines}: {to: string; lines: number}): string {
	return `Send ${lines} lines to ${to}? Enter sends, Esc edits`;
}

/**
 * A message sent goes below the newest one: a window showing older messages (newer ones still
 * on disk) starts again from the newest, read back from disk.
 */
function atNewest(state: ChatState, partner: string): ChatState {
	const conversation = conversationOf(state, partner);
	if (!conversation.newerStored) return state;
	const log = logOf([], conversation.log.nextSeq);
	const emptied = withConversation(state, {
		...conversation,
		log,
		scroll: undefined,
		olderStored: true,
		newerStored: false,
		newBelow: 0,
	});
	return loadOlder(emptied, partner);
}

export function submitLine(state: ChatState, now: number): ChatState {
	const command = parseInputCommand(state.input.text);
	switch (command.type) {
		case 'none': {
			return state;
		}
		case 'text': {
			return sendText(state, command.text, now);
		}
		case 'action': {
			if (command.text === '') return error(state, '/me needs a text, for example /me waves');
			return sendText(state, command.text, now, {action: true});
		}
		case 'choose': {
			if (command.text && findUser(state, command.name) === undefined) {
				return leaveMessage(state, command.name, command.text, now);
			}
			const chosen = choosePartner(consumeLine(state), command.name);
			if (!command.text) return chosen;
			const target = findUser(state, command.name);
			// A name that cannot be chosen keeps the line, so the text is not lost with it.
			if (target === undefined || chosen.partner !== target) return {...chosen, input: state.input};
			return sendText(chosen, command.text, now);
		}
		case 'who': {
			return showInfo(consumeLine(state), whoIsOnline(state), now);
		}
		case 'clear': {
			return clearScreen(consumeLine(state));
		}
		case 'reconnect': {
			if (state.connection === 'connected') return error(consumeLine(state), 'already connected');
			return request(consumeLine(state), 'reconnect');
		}
		case 'quit': {
			return quit(consumeLine(state));
		}
		case 'help': {
			return {...consumeLine(state), helpOpen: true};
		}
		case 'close': {
			return closeConversation(consumeLine(state));
		}
		case 'search': {
			return startSearch(consumeLine(state), command.text, command.all);
		}
		case 'forget': {
			return askToForget(consumeLine(state));
		}
		case 'whois': {
			const consumed = consumeLine(state);
			return {...consumed, notice: whoisNotice(consumed, command.name)};
		}
		case 'unknown-command': {
			// The line stays, to be corrected; //text sends a line that starts with a slash.
			const known = commandWords().join(', ');
			return error(state, `unknown command ${command.command}: the commands are ${known}`);
		}
	}
}
