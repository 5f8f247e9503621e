// How long a host waits before its next try to reach Redis (docs/cluster.md "Redis goes away"):
// doubling from the first wait to the cap, less up to a random share, so hosts do not return in
// step. Pure: the random draw is passed in.

import {
	REDIS_RECONNECT_INITIAL_MS,
	REDIS_RECONNECT_JITTER_RATIO,
	REDIS_RECONNECT_MAX_MS,
	REDIS_RECONNECT_MULTIPLIER,
} from './cluster-limits.js';

/** The wait before try `retries` (0 for the first), given a draw in [0, 1). */
export function reconnectDelayMs(retries: number, draw: number): number {
	const full = Math.min(
		REDIS_RECONNECT_MAX_MS,
		REDIS_RECONNECT_INITIAL_MS * REDIS_RECONNECT_MULTIPLIER ** Math.min(retries, 32),
	);
	return Math.round(full * (1 - REDIS_RECONNECT_JITTER_RATIO * draw));
}
