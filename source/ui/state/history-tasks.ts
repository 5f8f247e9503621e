// What the chat screen asks of the local history: pages of a conversation, a search, closing and
// forgetting. The reducer queues a task (queue-history-task.ts); hooks/use-history-tasks.ts runs
// it and reports back. Types only, so chat-state.ts can name them.
import type {HistoryMessage, HistoryPosition, SearchHit} from '../../history/chat-history.js';

/** The conversation pane's size when the task was asked for (as apply-command.ts's ViewSize). */
type PaneSize = {width: number; height: number};

export type HistoryTask = {id: number} & (
	| {type: 'older'; partner: string; before?: HistoryPosition}
	| {type: 'newer'; partner: string; after: HistoryPosition}
	| {type: 'oldest' | 'newest'; partner: string; view: PaneSize}
	| {type: 'around'; partner: string; hit: HistoryMessage; view: PaneSize}
	| {type: 'search'; text: string; partner?: string}
	| {type: 'close' | 'forget'; partner: string}
);

/** A task as queued, before it has its id. */
export type NewTask = HistoryTask extends infer T
	? T extends unknown
		? Omit<T, 'id'>
		: never
	: never;

/** What a task found: messages oldest first, or search hits newest first. */
export type TaskResult = {task: HistoryTask; messages: HistoryMessage[]; hits: SearchHit[]};

export type SearchView = {
	query: string;
	/** The conversation searched; undefined for `/search -a`, every conversation. */
	partner?: string;
	hits: readonly SearchHit[];
	selected: number;
};
