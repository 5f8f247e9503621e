// /search and its results (move, Enter jumps, Esc goes back), and /forget, which asks first.
import type {SearchHit} from '../../history/chat-history.js';
import {SEARCH_RESULT_LIMIT} from '../../client/limits.js';
import {foldForSearch} from '../../protocol/search-folding.js';
import type {ChatState} from './chat-state.js';
import {
	closeConversation,
	conversationOf,
	switchPartner,
	withConversation,
} from './conversation-updates.js';
import {indexOfUid, messageAt, messagesOf} from './message-log.js';
import {queueTask} from './queue-history-task.js';
import {scrollDown} from './visible-window.js';

type ViewSize = {width: number; height: number};

const FORGET_YES = 'y';

function error(state: ChatState, text: string): ChatState {
	return {...state, notice: {tone: 'error', text}};
}

/** Without a history on disk, the messages in memory are searched, newest first (no event lines). */
function searchMemory(state: ChatState, text: string, partner?: string): SearchHit[] {
	const needle = foldForSearch(text);
	const hits: SearchHit[] = [];
	for (const conversation of state.conversations.values()) {
		if (partner !== undefined && conversation.partner !== partner) continue;
		for (const message of messagesOf(conversation.log)) {
			// Event lines (`bob left`) are about the conversation, not in it: never a hit.
			if (message.event === true) continue;
			if (!foldForSearch(message.text).includes(needle)) continue;
			const {time, from, uid = ''} = message;
			hits.push({partner: conversation.partner, message: {time, from, text: message.text, uid}});
		}
	}
	return hits.sort((a, b) => b.message.time - a.message.time).slice(0, SEARCH_RESULT_LIMIT);
}

/** `/search TEXT` in the shown conversation, `/search -a TEXT` in all of them. */
export function startSearch(state: ChatState, text: string, all: boolean): ChatState {
	if (text.trim() === '')
		return error(state, 'say what to look for: /search TEXT (-a: everywhere)');
	const partner = all ? undefined : state.partner;
	if (!all && partner === undefined) {
		return error(state, 'choose a conversation to search, or search them all: /search -a TEXT');
	}
	if (!state.historyOn) {
		const hits = searchMemory(state, text, partner);
		return {...state, notice: undefined, search: {query: text, partner, hits, selected: 0}};
	}
	return queueTask({...state, notice: undefined}, {type: 'search', text, partner});
}

export function showSearchResults(
	state: ChatState,
	query: string,
	partner: string | undefined,
	hits: SearchHit[],
): ChatState {
	return {...state, search: {query, partner, hits, selected: 0}};
}

/** Up and Down (and the page keys) move through the results; Enter jumps; Esc goes back. */
export function searchCommand(
	state: ChatState,
	command: 'up' | 'down' | 'page-up' | 'page-down' | 'jump' | 'back',
	view: ViewSize,
): ChatState {
	const {search} = state;
	if (!search) return state;
	const last = Math.max(0, search.hits.length - 1);
	const page = Math.max(1, view.height - 2);
	const move = (selected: number) => ({
		...state,
		search: {...search, selected: Math.min(last, Math.max(0, selected))},
	});
	switch (command) {
		case 'up': {
			return move(search.selected - 1);
		}
		case 'down': {
			return move(search.selected + 1);
		}
		case 'page-up': {
			return move(search.selected - page);
		}
		case 'page-down': {
			return move(search.selected + page);
		}
		case 'back': {
			return {...state, search: undefined};
		}
		case 'jump': {
			const hit = search.hits[search.selected];
			return hit ? jumpTo({...state, search: undefined}, hit, view) : {...state, search: undefined};
		}
	}
}

function jumpTo(state: ChatState, hit: SearchHit, view: ViewSize): ChatState {
	const shown = switchPartner(state, hit.partner);
	if (state.historyOn) {
		return queueTask(shown, {type: 'around', partner: hit.partner, hit: hit.message, view});
	}
	const conversation = conversationOf(shown, hit.partner);
	const index = indexOfUid(conversation.log, hit.message.uid);
	const message = messageAt(conversation.log, index);
	if (!message) return shown;
	const half = Math.floor(view.height / 2);
	const scroll = scrollDown(conversation.log, {seq: message.seq, skip: 0}, half, view.width);
	return withConversation(shown, {...conversation, scroll});
}

/** `/forget`: asks, since the messages cannot come back. */
export function askToForget(state: ChatState): ChatState {
	const name = state.partner;
	if (name === undefined) return error(state, 'choose the conversation to forget first');
	return {
		...state,
		confirmForget: name,
		notice: {
			tone: 'error',
			text: `forget every message with ${name} on this computer? y: forget, any other key: keep`,
		},
	};
}

/** The key after /forget: `y` forgets, anything else keeps. */
export function answerForget(state: ChatState, text: string | undefined): ChatState {
	const name = state.confirmForget;
	if (name === undefined) return state;
	const asked = {...state, confirmForget: undefined};
	if (text?.toLowerCase() !== FORGET_YES) {
		return {...asked, notice: {tone: 'info', text: `kept the conversation with ${name}`}};
	}
	const shown = asked.partner === name ? asked : switchPartner(asked, name);
	const closed = closeConversation(shown);
	const forgotten = {
		...closed,
		notice: {tone: 'info' as const, text: `forgot the conversation with ${name}`},
	};
	return queueTask(forgotten, {type: 'forget', partner: name});
}
