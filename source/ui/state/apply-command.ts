// What each keymap command does to the state. Keys themselves are looked up in keymap.ts.
import type {ChatState} from './chat-state.js';
import {unreadOf} from './chat-state.js';
import {completeName} from './complete-name.js';
import {
	closeConversation,
	conversationOf,
	switchPartner,
	withConversation,
} from './conversation-updates.js';
import * as editing from './input-editing.js';
import {helpRows} from '../keys/help-rows.js';
import type {Command} from '../keys/keymap.js';
import {answerQuit, quit} from './quit-question.js';
import {request} from './screen-requests.js';
import {cancelSend, confirmSend, submitLine} from './submit-line.js';
import {scrollDown, scrollUp, type ScrollAnchor} from './visible-window.js';
import {HISTORY_PAGE_MESSAGES} from '../../client/limits.js';
import {loadNewer, loadOlder} from './history-pages.js';
import {indexOfSeq, lastMessage} from './message-log.js';
import {queueTask} from './queue-history-task.js';
import {searchCommand} from './search-and-forget.js';

const SEARCH_PREFIX = '/search ';

/** The conversation pane's size, which scrolling needs to know how far a page is. */
export type ViewSize = {width: number; height: number};

export type CommandContext = {
	/** The key that was pressed, for commands that depend on it (Alt+digit). */
	keyName: string;
	view: ViewSize;
	now: number;
};

function selectByOffset(state: ChatState, offset: 1 | -1): ChatState {
	const {users, partner} = state;
	if (users.length === 0) return {...state, notice: {tone: 'info', text: 'nobody else is online'}};
	const current = partner === undefined ? -1 : users.indexOf(partner);
	const start = current === -1 && offset === -1 ? users.length : current;
	const name = users.at((start + offset) % users.length) ?? partner;
	return name === undefined ? state : switchPartner(state, name);
}

/** Alt+digit: the conversation with that number (list-numbers.ts); none says how to open one. */
function selectPosition(state: ChatState, position: number): ChatState {
	const name = state.users.find((user) => state.numbers.get(user) === position);
	if (name !== undefined) return switchPartner(state, name);
	const text = `no conversation ${position}: Ctrl+N or to:NAME opens one`;
	return {...state, notice: {tone: 'info', text}};
}

function selectNextUnread(state: ChatState): ChatState {
	const {users, partner} = state;
	const current = partner === undefined ? -1 : users.indexOf(partner);
	for (let step = 1; step <= users.length; step++) {
		const name = users[(current + step) % users.length];
		if (name !== undefined && unreadOf(state, name) > 0) return switchPartner(state, name);
	}
	return {...state, notice: {tone: 'info', text: 'no unread messages'}};
}

function scroll(state: ChatState, direction: 'up' | 'down', view: ViewSize): ChatState {
	if (state.partner === undefined) return state;
	const conversation = conversationOf(state, state.partner);
	// The first PgUp after /clear brings back what it hid, where the screen stands.
	if (direction === 'up' && conversation.clearedAt !== undefined && !conversation.scroll) {
		return withConversation(state, {...conversation, clearedAt: undefined});
	}
	const page = Math.max(1, view.height - 1);
	let anchor =
		direction === 'up'
			? scrollUp(conversation.log, conversation.scroll, page, view.width, view.height)
			: scrollDown(conversation.log, conversation.scroll, page, view.width);
	// The window's last message is not the newest while newer ones are on disk: stay on it.
	const last = lastMessage(conversation.log);
	if (!anchor && conversation.newerStored && last) anchor = {seq: last.seq, skip: 0};
	const newBelow = anchor ? conversation.newBelow : 0;
	const scrolled = withConversation(state, {...conversation, scroll: anchor, newBelow});
	return prefetch(scrolled, state.partner, anchor);
}

/** Within half a page of the window's edge, the next page is read, so PgUp never waits for it. */
function prefetch(state: ChatState, partner: string, anchor: ScrollAnchor | undefined): ChatState {
	const {log} = conversationOf(state, partner);
	const index = anchor ? indexOfSeq(log, anchor.seq) : log.length - 1;
	const margin = HISTORY_PAGE_MESSAGES / 2;
	let next = state;
	if (index <= margin) next = loadOlder(next, partner);
	if (index >= log.length - margin) next = loadNewer(next, partner);
	return next;
}

/** Home and End on an empty line: the oldest message kept, or back to the newest. */
function jumpToEnd(state: ChatState, end: 'oldest' | 'newest', view: ViewSize): ChatState {
	const partner = state.partner;
	if (partner === undefined) return state;
	const conversation = conversationOf(state, partner);
	const stored = end === 'oldest' ? conversation.olderStored : conversation.newerStored;
	if (stored) return queueTask(state, {type: end, partner, view});
	const {log} = conversation;
	const scroll =
		end === 'newest'
			? undefined
			: scrollUp(log, conversation.scroll, log.length * view.height, view.width, view.height);
	const newBelow = scroll ? conversation.newBelow : 0;
	return withConversation(state, {...conversation, scroll, newBelow});
}

/** While search results are shown they take the keys. */
function searchKeys(state: ChatState, command: Command, view: ViewSize): ChatState {
	const actions: Partial<Record<Command, Parameters<typeof searchCommand>[1]>> = {
		'history-previous': 'up',
		'history-next': 'down',
		'scroll-up': 'page-up',
		'scroll-down': 'page-down',
		submit: 'jump',
		'close-overlay': 'back',
	};
	const action = actions[command];
	if (action) return searchCommand(state, action, view);
	return command === 'quit' ? quit(state) : state;
}

/** Ctrl+R: the input line becomes a search of what it holds. */
function beginSearch(state: ChatState): ChatState {
	const text = state.input.text;
	const line = text.startsWith(SEARCH_PREFIX) ? text : SEARCH_PREFIX + text;
	return {...state, input: editing.lineOf(line), completion: undefined};
}

function browseHistory(state: ChatState, direction: -1 | 1): ChatState {
	const {history, historyIndex} = state;
	if (direction === -1) {
		if (history.length === 0 || historyIndex === 0) return state;
		const index = historyIndex === undefined ? history.length - 1 : historyIndex - 1;
		const draft = historyIndex === undefined ? state.input.text : state.draft;
		return {...state, historyIndex: index, draft, input: editing.lineOf(history[index] ?? '')};
	}
	if (historyIndex === undefined) return state;
	if (historyIndex < history.length - 1) {
		return {
			...state,
			historyIndex: historyIndex + 1,
			input: editing.lineOf(history[historyIndex + 1] ?? ''),
		};
	}
	return {...state, historyIndex: undefined, input: editing.lineOf(state.draft)};
}

function complete(state: ChatState): ChatState {
	const result = completeName(state.input, state.users, state.completion);
	return result ? {...state, input: result.line, completion: result.completion} : state;
}

const edits: Partial<Record<Command, (line: editing.InputLine) => editing.InputLine>> = {
	'cursor-left': editing.moveLeft,
	'cursor-right': editing.moveRight,
	'word-left': editing.moveWordLeft,
	'word-right': editing.moveWordRight,
	'line-start': editing.moveToStart,
	'line-end': editing.moveToEnd,
	'delete-back': editing.deleteBack,
	'delete-forward': editing.deleteForward,
	'delete-word-back': editing.deleteWordBack,
	'delete-to-start': editing.deleteToStart,
	'delete-to-end': editing.deleteToEnd,
};

function edit(state: ChatState, change: (line: editing.InputLine) => editing.InputLine): ChatState {
	const input = change(state.input);
	if (input.text === state.input.text) return {...state, input, completion: undefined};
	return {...state, input, completion: undefined, historyIndex: undefined};
}

/** While the quit question is open only its answers and quitting work: nothing else happens blind. */
function quitAskingCommand(state: ChatState, command: Command): ChatState {
	if (command === 'quit') return quit(state);
	if (command === 'close-overlay') return answerQuit(state, 'escape');
	return state;
}

/** While the help overlay is open it takes the keys: closing, paging, and quitting work. */
function helpCommand(state: ChatState, command: Command, view: ViewSize): ChatState {
	const page = Math.max(1, view.height - 1);
	switch (command) {
		case 'toggle-help':
		case 'close-overlay': {
			return {...state, helpOpen: false, helpOffset: 0};
		}
		case 'scroll-down': {
			return {...state, helpOffset: Math.min(state.helpOffset + page, helpRows.length - 1)};
		}
		case 'scroll-up': {
			return {...state, helpOffset: Math.max(0, state.helpOffset - page)};
		}
		case 'quit': {
			return quit(state);
		}
		default: {
			return state;
		}
	}
}

/** A partner chosen by a key or a command holds off following for a while (following-rule.ts). */
export function applyCommand(
	state: ChatState,
	command: Command,
	context: CommandContext,
): ChatState {
	const next = commandResult(state, command, context);
	const chosen = next.partner !== undefined && next.partner !== state.partner;
	return chosen ? {...next, chosenAt: context.now} : next;
}

function commandResult(state: ChatState, command: Command, context: CommandContext): ChatState {
	// The terminal's own keys work whatever is open.
	if (command === 'redraw' || command === 'suspend') return request(state, command);
	if (state.quitAsking !== undefined) return quitAskingCommand(state, command);
	if (state.helpOpen) return helpCommand(state, command, context.view);
	if (state.confirmSend) {
		// While `Send N lines to bob?` is asked, Enter sends, Esc edits, and quitting works.
		if (command === 'submit') return confirmSend(state, context.now);
		if (command === 'close-overlay') return cancelSend(state);
		return command === 'quit' ? quit(state) : state;
	}
	if (state.search) return searchKeys(state, command, context.view);
	const empty = state.input.text === '';
	if (empty && (command === 'line-start' || command === 'line-end')) {
		return jumpToEnd(state, command === 'line-start' ? 'oldest' : 'newest', context.view);
	}
	const change = edits[command];
	if (change) return edit(state, change);
	switch (command) {
		case 'next-user': {
			return selectByOffset(state, 1);
		}
		case 'previous-user': {
			return selectByOffset(state, -1);
		}
		case 'jump-to-user': {
			return selectPosition(state, Number(context.keyName));
		}
		case 'next-unread': {
			return selectNextUnread(state);
		}
		case 'scroll-up':
		case 'scroll-down': {
			return scroll(state, command === 'scroll-up' ? 'up' : 'down', context.view);
		}
		case 'history-previous':
		case 'history-next': {
			// In a message of several lines Up and Down move between them; past its ends, history.
			const direction = command === 'history-previous' ? -1 : 1;
			const moved = editing.moveLine(state.input, direction);
			if (moved !== undefined) return {...state, input: moved, completion: undefined};
			return browseHistory(state, direction);
		}
		case 'complete-name': {
			return complete(state);
		}
		case 'search': {
			return beginSearch(state);
		}
		case 'toggle-help': {
			return {...state, helpOpen: true};
		}
		case 'close-overlay': {
			return {...state, notice: undefined};
		}
		case 'close-conversation': {
			return closeConversation(state);
		}
		case 'quit': {
			return quit(state);
		}
		case 'quit-or-delete': {
			return state.input.text === '' ? quit(state) : edit(state, editing.deleteForward);
		}
		case 'submit': {
			return submitLine(state, context.now);
		}
		case 'insert-newline': {
			return edit(state, (line) => editing.insertText(line, '\n'));
		}
		default: {
			return state;
		}
	}
}
