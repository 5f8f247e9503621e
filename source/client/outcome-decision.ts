// After a connection ends: try again, or close the session with one sentence. Pure, so every
// path from a socket error, a refusal or a BYE to what the user reads has a test.
import {
	QUIT_SENTENCE,
	byeSentence,
	connectFailureSentence,
	refusalSentence,
} from './closing-sentences.js';
import type {ConnectionOutcome} from './host-connection.js';
import type {HostAddress} from './open-socket.js';
import {isRetryableBye, isRetryableRefusal, isTransientSocketError} from './reconnect-policy.js';

type Decision = {kind: 'retry'} | {kind: 'close'; code: string; message: string};

type DecisionContext = {
	address: HostAddress;
	name: string;
	/** Whether any login of this client run succeeded. */
	hasLoggedIn: boolean;
	/** Time since the last logged-in connection dropped (or since the first try). */
	sinceDropMs: number;
	/** The resume grace period the host announced. */
	graceMs: number;
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
