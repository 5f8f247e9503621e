// A clock for UI tests that moves only when the test says so: countdowns and pauses are checked
// second by second without waiting for them.
import type {Clock} from '../../source/ui/clock.js';

export type ManualClock = Clock & {
	/** Moves time on by `ms`, calling each ticker once for every interval that passed. */
	advance(ms: number): void;
	/** How many tickers run: React starts them after the frame, so a test waits for them. */
	tickers(): number;
};

export function createManualClock(start = Date.now()): ManualClock {
	let now = start;
	const tickers = new Set<{ms: number; next: number; tick: () => void}>();
	return {
		now: () => now,
		every(ms, tick) {
			const ticker = {ms, next: now + ms, tick};
			tickers.add(ticker);
			return () => {
				tickers.delete(ticker);
			};
		},
		tickers: () => tickers.size,
		advance(ms) {
			const end = now + ms;
			for (;;) {
				const due = [...tickers].filter((ticker) => ticker.next <= end);
				if (due.length === 0) break;
				const first = due.reduce((a, b) => (a.next <= b.next ? a : b));
				now = first.next;
				first.next += first.ms;
				first.tick();
			}
			now = end;
		},
	};
}
