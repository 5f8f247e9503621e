// When and how soon the client tries again after losing the host. Pure: the session asks,
// this answers. Modelled on tj/axon: a named list of transient errors and capped backoff (its
// numbers are in limits.ts).
import {
	GRACE_MARGIN_MS,
	LINE_MODE_GIVE_UP_MS,
	RECONNECT_INITIAL_DELAY_MS,
	RECONNECT_JITTER_RATIO,
	RECONNECT_MAX_DELAY_MS,
	RECONNECT_MULTIPLIER,
} from './limits.js';

/**
 * Socket errors a retry can cure: the network or the host is briefly unavailable.
 * Refusals and failed name lookups are not here: before the first login they mean a wrong
 * address (see TRANSIENT_AFTER_LOGIN_ERRORS).
 */
const TRANSIENT_SOCKET_ERRORS: readonly string[] = [
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ENETDOWN',
	'ENETUNREACH',
	'ENETRESET',
	'EHOSTDOWN',
	'EHOSTUNREACH',
];

/** Our own code for a host that accepted the connection but did not answer the login in time. */
export const NO_LOGIN_ANSWER = 'no-login-answer';

/** Errors that, once we have been logged in, mean the host restarts or the network is down. */
const TRANSIENT_AFTER_LOGIN_ERRORS: readonly string[] = [
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	NO_LOGIN_ANSWER,
];

/** Host refusals that a retry cannot change: the user must do something else. */
const PERMANENT_REFUSALS: readonly string[] = [
	'name-taken',
	'name-invalid',
	'version-unsupported',
	'password-required',
	'password-wrong',
	'name-owned',
	'proof-failed',
];

/** `BYE` codes after which the client reconnects; any other `BYE` ends the session. */
const RETRYABLE_BYE_CODES: readonly string[] = ['shutdown', 'ping-timeout', 'slow-consumer'];

/** When reconnecting stops for good. */
export type GiveUpPolicy =
	/** Keep trying while the user waits: they see "reconnecting" and can quit themselves. */
	| {kind: 'never'}
	/** Stop after this long without a connection (for scripts, which nobody watches). */
	| {kind: 'after'; ms: number};

/** For the full-screen UI: a person is watching and decides when to stop. */
export const GIVE_UP_NEVER: GiveUpPolicy = {kind: 'never'};

/** For line mode: a script should not hang forever on a host that is gone. */
export const GIVE_UP_AFTER_FIVE_MINUTES: GiveUpPolicy = {kind: 'after', ms: LINE_MODE_GIVE_UP_MS};

/** Whether a socket error may heal by itself. */
export function isTransientSocketError(
	code: string | undefined,
	hasLoggedInBefore: boolean,
): boolean {
	if (code === undefined) {
		return hasLoggedInBefore;
	}

	if (TRANSIENT_SOCKET_ERRORS.includes(code)) {
		return true;
	}

	return hasLoggedInBefore && TRANSIENT_AFTER_LOGIN_ERRORS.includes(code);
}

/**
 * Whether a refused login is worth another try. The first login's refusal is final (the user
 * typed something wrong). On a reconnect, `name-taken` can be our own dropped session that the
 * host keeps for its grace period (say our token was used up by a resume whose answer was lost),
 * so it is retried until that period is over; the other permanent refusals never are.
 */
export function isRetryableRefusal(
	code: string,
	context: {hasLoggedInBefore: boolean; sinceDropMs: number; graceMs: number},
): boolean {
	if (!context.hasLoggedInBefore) return false;
	if (code === 'name-taken') return context.sinceDropMs < context.graceMs + GRACE_MARGIN_MS;
	return !PERMANENT_REFUSALS.includes(code);
}

/** Whether the session should reconnect after the host said `BYE code`. */
export function isRetryableBye(code: string): boolean {
	return RETRYABLE_BYE_CODES.includes(code);
}

/**
 * The wait before try number `attempt` (0 for the first retry): exponential, capped, and with
 * jitter taking away up to RECONNECT_JITTER_RATIO of it. `random` returns a number in [0, 1).
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
	const exponential = RECONNECT_INITIAL_DELAY_MS * RECONNECT_MULTIPLIER ** Math.max(0, attempt);
	const capped = Math.min(RECONNECT_MAX_DELAY_MS, exponential);
	return Math.round(capped * (1 - RECONNECT_JITTER_RATIO * random()));
}

/** Whether the give-up policy says to stop, given how long the client has been without a host. */
export function shouldGiveUp(policy: GiveUpPolicy, disconnectedForMs: number): boolean {
	return policy.kind === 'after' && disconnectedForMs >= policy.ms;
}

/** The human detail for the 'reconnecting' state. */
export function retryDetail(delayMs: number): string {
	const seconds = Math.max(1, Math.round(delayMs / 1000));
	return `retrying in ${seconds} s`;
}
