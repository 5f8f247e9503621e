// The time as the chat screen reads it: the system clock, or a test's clock that moves on command.

export type Clock = {
	now(): number;
	/** Calls `tick` every `ms` until the returned function is called. */
	every(ms: number, tick: () => void): () => void;
};

export const systemClock: Clock = {
	now: () => Date.now(),
	every(ms, tick) {
		const timer = setInterval(tick, ms);
		return () => {
			clearInterval(timer);
		};
	},
};
