// After a connection ends: try again, or close the session with one sentence. Pure, so every
// path from a socket error, a refusal or a BYE to what the user reads has a test.
import {
	QUIT_SENTENCE,
	byeSentence,
	connectFailureSentence,
	nameTakenWhy,
	refusalSentence,
} from './closing-sentences.js';
import type {ConnectionOutcome} from './host-connection.js';
import type {HostAddress} from './open-socket.js';
import {isRetryableBye, isRetryableRefusal, isTransientSocketError} from './reconnect-policy.js';

/** `why`, when there is one, is a sentence for the person waiting: what keeps the client out. */
type Decision = {kind: 'retry'; why?: string} | {kind: 'close'; code: string; message: string};

type DecisionContext = {
	address: HostAddress;
	name: string;
	/** Whether any login of this client run succeeded. */
	hasLoggedIn: boolean;
	/** Time since the last logged-in connection dropped (or since the first try). */
	sinceDropMs: number;
	/** The resume grace period the host announced. */
	graceMs: number;
	/**
	 * A person is watching (the chat screen): a name taken on a reconnect, as when someone took it
	 * while the host restarted, is retried for as long as they wait, not only for the grace period.
	 */
	keepTryingName?: boolean;
};

const retry: Decision = {kind: 'retry'};

export function decideAfterOutcome(outcome: ConnectionOutcome, context: DecisionContext): Decision {
	const {address, name, hasLoggedIn} = context;
	switch (outcome.kind) {
		case 'lost': {
			if (isTransientSocketError(outcome.errorCode, hasLoggedIn)) return retry;
			const message = outcome.sentence ?? connectFailureSentence(address, outcome.errorCode);
			return {kind: 'close', code: outcome.errorCode ?? 'closed', message};
		}

		case 'refused': {
			const {code, reason} = outcome;
			if (code === 'name-taken' && hasLoggedIn && context.keepTryingName) {
				return {kind: 'retry', why: nameTakenWhy(address, name)};
			}
			if (isRetryableRefusal(code, {hasLoggedInBefore: hasLoggedIn, ...context})) return retry;
			return {kind: 'close', code, message: refusalSentence(address, name, code, reason)};
		}

		case 'bye': {
			const {code, reason} = outcome;
			if (code === 'quit') return {kind: 'close', code, message: QUIT_SENTENCE};
			if (isRetryableBye(code)) return retry;
			return {kind: 'close', code, message: byeSentence(address, code, reason)};
		}
	}
}
