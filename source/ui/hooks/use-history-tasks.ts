// Runs the history tasks the reducer queued, once each, and reports what they found. The
// history's reads are quick indexed lookups, so a page is in before the next frame.
import {useEffect, useRef, type Dispatch} from 'react';
import type {ChatHistory, HistoryMessage, SearchHit} from '../../history/chat-history.js';
import {HISTORY_PAGE_MESSAGES, SEARCH_RESULT_LIMIT} from '../../client/limits.js';
import type {ChatAction} from '../state/chat-reducer.js';
import type {HistoryTask} from '../state/history-tasks.js';

function run(
	history: ChatHistory,
	task: HistoryTask,
): {messages: HistoryMessage[]; hits: SearchHit[]} {
	const page = HISTORY_PAGE_MESSAGES;
	const none = {messages: [], hits: []};
	switch (task.type) {
		case 'older': {
			const {partner, before} = task;
			const messages = before
				? history.before(partner, before, page)
				: history.latest(partner, page);
			return {messages, hits: []};
		}
		case 'newer': {
			return {messages: history.after(task.partner, task.after, page), hits: []};
		}
		case 'oldest': {
			return {messages: history.earliest(task.partner, page), hits: []};
		}
		case 'newest': {
			return {messages: history.latest(task.partner, page), hits: []};
		}
		case 'around': {
			const half = Math.floor(page / 2);
			const {partner, hit} = task;
			const messages = [
				...history.before(partner, hit, half),
				hit,
				...history.after(partner, hit, half),
			];
			return {messages, hits: []};
		}
		case 'search': {
			return {messages: [], hits: history.search(task.text, task.partner, SEARCH_RESULT_LIMIT)};
		}
		case 'close': {
			history.closeConversation(task.partner);
			return none;
		}
		case 'forget': {
			history.forgetConversation(task.partner);
			return none;
		}
	}
}

export function useHistoryTasks(
	history: ChatHistory | undefined,
	tasks: readonly HistoryTask[],
	dispatch: Dispatch<ChatAction>,
): void {
	const done = useRef(new Set<number>());
	useEffect(() => {
		if (!history) return;
		for (const task of tasks) {
			if (done.current.has(task.id)) continue;
			done.current.add(task.id);
			dispatch({type: 'history-done', task, ...run(history, task)});
		}
	}, [history, tasks, dispatch]);
}
