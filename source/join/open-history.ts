// The local history for `chat join`, unless --no-history: opened before the screen starts, and
// committed and closed on every way out (a signal included) through exit-cleanup.ts. A history
// that cannot be opened is said on the screen, and the chat goes on without one.
import type {HostAddress} from '../client/open-socket.js';
import {formatHostLabel} from '../client/closing-sentences.js';
import {chatDataDir} from '../data-dir.js';
import type {HistoryStore} from '../history/history-store.js';
import {registerCleanup} from './exit-cleanup.js';

type HistoryCode = typeof import('../history/history-store.js');

/** The history's code, or why it could not be loaded (SQLite's addon, say); none with --no-history. */
export type LoadedHistoryCode = HistoryCode | {error: unknown} | undefined;

export type OpenedHistory = {
	history?: HistoryStore;
	/** Why there is none, as one sentence for the notice line. */
	problem?: string;
	close(): void;
};

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the history's code (with the SQLite addon, a good part of it) on its own, so that
 * `chat join` can start connecting first and load it while the login runs. Never rejects.
 */
export async function loadHistoryCode(keep: boolean): Promise<LoadedHistoryCode> {
	if (!keep) return undefined;
	try {
		return await import('../history/history-store.js');
	} catch (error: unknown) {
		return {error};
	}
}

export function openJoinHistory(options: {
	code: LoadedHistoryCode;
	address: HostAddress;
	self: string;
	keepDays?: number;
	onProblem: (sentence: string) => void;
}): OpenedHistory {
	const {code} = options;
	if (code === undefined) return {close: () => undefined};
	let history: HistoryStore;
	try {
		if ('error' in code) throw code.error;
		history = new code.HistoryStore({
			dir: chatDataDir(),
			host: formatHostLabel(options.address),
			self: options.self,
			keepDays: options.keepDays,
			onProblem: options.onProblem,
		});
	} catch (error: unknown) {
		return {problem: `no history this time: ${describe(error)}`, close: () => undefined};
	}
	const end = registerCleanup({
		onSignal: () => undefined,
		restore: () => {
			history.close();
		},
	});
	return {history, close: end};
}
