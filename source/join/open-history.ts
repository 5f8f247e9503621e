// The local history for `chat join`, unless --no-history: opened before the screen starts, and
// committed and closed on every way out (a signal included) through exit-cleanup.ts. A history
// that cannot be opened is said on the screen, and the chat goes on without one.
import type {HostAddress} from '../client/open-socket.js';
import {formatHostLabel} from '../client/closing-sentences.js';
import {chatDataDir} from '../data-dir.js';
import {HistoryStore} from '../history/history-store.js';
import {registerCleanup} from './exit-cleanup.js';

export type OpenedHistory = {
	history?: HistoryStore;
	/** Why there is none, as one sentence for the notice line. */
	problem?: string;
	close(): void;
};

export function openJoinHistory(options: {
	address: HostAddress;
	self: string;
	keep: boolean;
	keepDays?: number;
	onProblem: (sentence: string) => void;
}): OpenedHistory {
	if (!options.keep) return {close: () => undefined};
	let history: HistoryStore;
	try {
		history = new HistoryStore({
			dir: chatDataDir(),
			host: formatHostLabel(options.address),
			self: options.self,
			keepDays: options.keepDays,
			onProblem: options.onProblem,
		});
	} catch (error: unknown) {
		const detail = error instanceof Error ? error.message : String(error);
		return {problem: `no history this time: ${detail}`, close: () => undefined};
	}
	const end = registerCleanup({
		onSignal: () => undefined,
		restore: () => {
			history.close();
		},
	});
	return {history, close: end};
}
