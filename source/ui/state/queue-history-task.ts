// Queueing a history task in the state, and taking it off once its result is in.
import type {ChatState} from './chat-state.js';
import type {HistoryTask, NewTask} from './history-tasks.js';

/** Queues a task, once: the same page of the same conversation is not asked for twice. */
export function queueTask(state: ChatState, task: NewTask): ChatState {
	if (!state.historyOn) return state;
	const duplicate = state.historyTasks.some(
		(queued) => queued.type === task.type && 'partner' in queued && queued.partner === task.partner,
	);
	if (duplicate && task.type !== 'search') return state;
	return {
		...state,
		historyTasks: [...state.historyTasks, {...task, id: state.nextTaskId} as HistoryTask],
		nextTaskId: state.nextTaskId + 1,
	};
}

export function withoutTask(state: ChatState, id: number): ChatState {
	return {...state, historyTasks: state.historyTasks.filter((task) => task.id !== id)};
}
