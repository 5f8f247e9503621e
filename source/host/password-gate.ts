// The password step of the login (docs/protocol.md "Password"): it runs before the name is looked
// at. Tries from one address take turns, and wait longer after failures (password-turns.ts); lines
// the client sends meanwhile are held and handed back in order once the password is accepted.

import {
	MAX_LINES_AHEAD_OF_PASSWORD,
	MAX_PASSWORD_FAILURE_ADDRESSES,
	MAX_PASSWORD_TRIES_WAITING,
	PASSWORD_FAILURE_MEMORY_MS,
} from '../protocol/limits.js';
import type {Connection} from './connection.js';
import {passwordsMatch} from './password-check.js';
import {PasswordFailures} from './password-failures.js';
import {PasswordTurns, type PasswordTry} from './password-turns.js';
import type {Relay} from './relay.js';
import type {Face} from './user.js';

export type PasswordVerdict = 'accepted' | 'password-required' | 'password-wrong' | 'password-busy';

/** One failure record, and the turns it sets, per running host. */
const turnsByRelay = new WeakMap<Relay, PasswordTurns>();
/** Connections waiting for their verdict: their face, the lines they sent meanwhile, their try. */
const waiting = new WeakMap<Connection, {face: Face; lines: string[]; attempt: PasswordTry}>();
/** Plain connections whose `pass:` line was accepted and whose name is still to come. */
const accepted = new WeakSet<Connection>();

function turnsOf(relay: Relay): PasswordTurns {
	let turns = turnsByRelay.get(relay);
	if (turns === undefined) {
		const failures = new PasswordFailures({
			delayMs: relay.settings.passwordFailureDelayMs,
			maxDelayMs: relay.settings.passwordFailureMaxDelayMs,
			memoryMs: PASSWORD_FAILURE_MEMORY_MS,
			maxAddresses: MAX_PASSWORD_FAILURE_ADDRESSES,
		});
		turns = new PasswordTurns(failures, MAX_PASSWORD_TRIES_WAITING);
		turnsByRelay.set(relay, turns);
	}

	return turns;
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
 * Checks `given` (undefined: none was sent) and calls `onVerdict`, at once or when its turn comes.
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

	const attempt: PasswordTry = {
		address: connection.address,
		matches: () => passwordsMatch(given, expected),
		decided(right) {
			const held = waiting.get(connection)?.lines ?? [];
			waiting.delete(connection);
			if (!right) {
				onVerdict('password-wrong');
				return;
			}

			accepted.add(connection);
			onVerdict('accepted');
			for (const line of held) if (!connection.closed) connection.gateLine(line);
		},
	};
	waiting.set(connection, {face, lines: [], attempt});
	if (turnsOf(connection.relay).enter(attempt) !== 'full') return;
	// Refused unchecked: the line of tries from this address is full.
	waiting.delete(connection);
	onVerdict('password-busy');
}

/** A closing connection's try leaves its address's line unchecked (called by Connection.close). */
export function leavePasswordCheck(connection: Connection): void {
	const held = waiting.get(connection);
	if (held === undefined) return;
	waiting.delete(connection);
	turnsOf(connection.relay).leave(held.attempt);
}

/**
 * Keeps `line` if the connection is waiting for its verdict, and says whether it did. A client
 * that sends more than MAX_LINES_AHEAD_OF_PASSWORD lines meanwhile is not waiting: it is cut off.
 */
export function holdWhileChecking(connection: Connection, line: string): boolean {
	const held = waiting.get(connection);
	if (held === undefined) return false;
	if (held.lines.length >= MAX_LINES_AHEAD_OF_PASSWORD) {
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
	if (verdict === 'password-busy') {
		return 'too many password tries from your address are waiting; try again later';
	}

	return verdict === 'password-required'
		? 'this host needs a password: HELLO 1 <name> password=PASSWORD'
		: 'wrong password';
}
