// What the state does with a history task's result: a page goes into its conversation, search
// hits are shown; closing and forgetting need nothing more.
import type {ChatState} from './chat-state.js';
import {applyPage} from './history-pages.js';
import type {TaskResult} from './history-tasks.js';
import {withoutTask} from './queue-history-task.js';
import {showSearchResults} from './search-and-forget.js';

export function applyHistoryResult(state: ChatState, result: TaskResult): ChatState {
	const next = withoutTask(state, result.task.id);
	const {task} = result;
	switch (task.type) {
		case 'search': {
			return showSearchResults(next, task.text, task.partner, result.hits);
		}
		case 'close':
		case 'forget': {
			return next;
		}
		default: {
			return applyPage(next, task, result.messages);
		}
	}
}
