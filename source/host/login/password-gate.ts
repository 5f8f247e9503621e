// The password step of the login (docs/protocol.md "Password"): it runs before the name is looked
// at. An address that failed lately waits before its check (password-failures.ts); lines the
// client sends meanwhile are held and handed back in order once the password is accepted.

import {
	MAX_LINES_AHEAD_OF_PASSWORD,
	MAX_PASSWORD_FAILURE_ADDRESSES,
	PASSWORD_FAILURE_MEMORY_MS,
} from '../../protocol/limits.js';
import type {Connection} from '../connection/connection.js';
import {passwordsMatch} from './password-check.js';
import {PasswordFailures} from './password-failures.js';
import type {Relay} from '../relay/relay.js';
import type {Face} from '../relay/user.js';

export type PasswordVerdict = 'accepted' | 'password-required' | 'password-wrong';

/** One failure record per running host. */
const failuresByRelay = new WeakMap<Relay, PasswordFailures>();
/** Connections waiting for their verdict: their face and the lines they sent meanwhile. */
const waiting = new WeakMap<Connection, {face: Face; lines: string[]}>();
/** Plain connections whose `pass:` line was accepted and whose name is still to come. */
const accepted = new WeakSet<Connection>();

function failuresOf(relay: Relay): PasswordFailures {
	let failures = failuresByRelay.get(relay);
	if (failures === undefined) {
		failures = new PasswordFailures({
			delayMs: relay.settings.passwordFailureDelayMs,
			maxDelayMs: relay.settings.passwordFailureMaxDelayMs,
			memoryMs: PASSWORD_FAILURE_MEMORY_MS,
			maxAddresses: MAX_PASSWORD_FAILURE_ADDRESSES,
		});
		failuresByRelay.set(relay, failures);
	}

	return failures;
}

/** Whether the host was started with a password. */
export function needsPassword(connection: Connection): boolean {
	return connection.relay.settings.password !== undefined;
}

/** Whether this plain connection already gave the right `pass:` line. */
export function passwordAccepted(connection: Connection): boolean {
	return accepted.has(connection);
}

/**
 * Checks `given` (undefined: none was sent) and calls `onVerdict`, at once or after the wait.
 * A host without a password accepts anything. Nothing is called if the connection closes first.
 */
export function checkPassword(
	connection: Connection,
	face: Face,
	given: string | undefined,
	onVerdict: (verdict: PasswordVerdict) => void,
): void {
	const expected = connection.relay.settings.password;
	if (expected === undefined) {
		accepted.add(connection);
		onVerdict('accepted');
		return;
	}

	// Sending no password reveals nothing, so it is answered at once and not counted.
	if (given === undefined) {
		onVerdict('password-required');
		return;
	}

	const failures = failuresOf(connection.relay);
	const decide = (): void => {
		const held = waiting.get(connection)?.lines ?? [];
		waiting.delete(connection);
		if (connection.closed) return;
		if (!passwordsMatch(given, expected)) {
			failures.failed(connection.address, Date.now());
			onVerdict('password-wrong');
			return;
		}

		failures.succeeded(connection.address);
		accepted.add(connection);
		onVerdict('accepted');
		for (const line of held) if (!connection.closed) connection.gateLine(line);
	};

	const wait = failures.waitBeforeCheck(connection.address, Date.now());
	if (wait === 0) {
		decide();
		return;
	}

	waiting.set(connection, {face, lines: []});
	setTimeout(decide, wait).unref();
}

/**
 * Keeps `line` if the connection is waiting for its verdict, and says whether it did. A client
 * that sends more than MAX_LINES_AHEAD_OF_PASSWORD lines meanwhile is not waiting: it is cut off.
 */
export function holdWhileChecking(connection: Connection, line: string): boolean {
	const held = waiting.get(connection);
	if (held === undefined) return false;
	if (held.lines.length >= MAX_LINES_AHEAD_OF_PASSWORD) {
		waiting.delete(connection);
		// The face is known from the first line; the farewell is in its form.
		connection.face = held.face;
		const reason = `more than ${MAX_LINES_AHEAD_OF_PASSWORD} lines before the password was checked`;
		connection.relay.log(`refused ${connection.address}: flood before the password check`);
		connection.close('flood', connection.farewell('flood', reason));
		return true;
	}

	held.lines.push(line);
	return true;
}

/** The structured `REFUSED` reason for a verdict other than accepted. */
export function passwordRefusalReason(verdict: Exclude<PasswordVerdict, 'accepted'>): string {
	return verdict === 'password-required'
		? 'this host needs a password: HELLO 1 <name> password=PASSWORD'
		: 'wrong password';
}
