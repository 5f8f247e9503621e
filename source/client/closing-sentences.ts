// The one sentence a person reads when the session ends. Pure, so each wording has a test.
import {PROTOCOL_VERSION} from '../protocol/limits.js';
import {PASSWORD_VARIABLE} from '../protocol/password-rules.js';
import {defaultIdentityPath} from './identity-key.js';
import type {HostAddress} from './open-socket.js';
import {NO_LOGIN_ANSWER} from './reconnect-policy.js';

/** `host:port`, with IPv6 hosts in brackets as people write them. */
export function formatHostLabel({host, port}: HostAddress): string {
	return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Why a connection could not be made (before any login succeeded). */
export function connectFailureSentence(
	address: HostAddress,
	errorCode: string | undefined,
): string {
	const label = formatHostLabel(address);
	switch (errorCode) {
		case 'ECONNREFUSED': {
			return `could not connect to ${label}: connection refused`;
		}

		case 'ENOTFOUND':
		case 'EAI_NONAME': {
			return `unknown host ${address.host}`;
		}

		case 'EAI_AGAIN': {
			return `unknown host ${address.host} (the name server did not answer)`;
		}

		case 'ETIMEDOUT': {
			return `could not connect to ${label}: the host did not answer`;
		}

		case 'ENETUNREACH':
		case 'EHOSTUNREACH': {
			return `could not connect to ${label}: the network cannot reach it`;
		}

		case NO_LOGIN_ANSWER: {
			return `the host at ${label} did not answer the login: is it a chat host?`;
		}

		case undefined: {
			return `the host at ${label} closed the connection before the login finished`;
		}

		default: {
			return `could not connect to ${label}: ${errorCode}`;
		}
	}
}

/** Why the host refused the login (`REFUSED code :reason`). */
export function refusalSentence(
	address: HostAddress,
	name: string,
	code: string,
	reason: string,
): string {
	const label = formatHostLabel(address);
	switch (code) {
		case 'name-taken': {
			return `the name ${name} is already in use on ${label}`;
		}

		case 'name-invalid': {
			// The host may already start its reason with "invalid name:"; say it once.
			const why = reason.replace(/^invalid name:?\s*/i, '');
			return why ? `invalid name ${name}: ${why}` : `invalid name ${name}`;
		}

		case 'version-unsupported': {
			return `the host at ${label} does not speak protocol version ${PROTOCOL_VERSION}; update chat on one side`;
		}

		case 'password-required': {
			return `the host at ${label} needs a password: set ${PASSWORD_VARIABLE}`;
		}

		case 'password-wrong': {
			return `wrong password for ${label}`;
		}

		case 'name-owned': {
			return `the name ${name} on ${label} belongs to another key than this machine's, so chat did not log in: to use it here, copy the identity file from the machine that owns it (${defaultIdentityPath()}), or ask the host's operator to run chat names release ${name}`;
		}

		case 'proof-failed': {
			return `the host at ${label} did not accept this machine's proof of its key for ${name}; check that its identity file (${defaultIdentityPath()}) is the one that owns the name`;
		}

		default: {
			return reason
				? `the host at ${label} refused the login: ${reason}`
				: `the host at ${label} refused the login (${code})`;
		}
	}
}

/** Why a reconnect is refused while the person keeps waiting: someone else has the name now. */
export function nameTakenWhy(address: HostAddress, name: string): string {
	return `the name ${name} is in use on ${formatHostLabel(address)} (taken while you were away?)`;
}

/** Why the host ended a session that was logged in (`BYE code :reason`, not retried). */
export function byeSentence(address: HostAddress, code: string, reason: string): string {
	const label = formatHostLabel(address);
	if (code === 'replaced') {
		return `this session was taken over by another connection to ${label}`;
	}

	return reason
		? `the host at ${label} closed the connection: ${reason}`
		: `the host at ${label} closed the connection (${code})`;
}

/** Why reconnecting stopped, after `gaveUpAfterMs` without the host. */
export function gaveUpSentence(address: HostAddress, gaveUpAfterMs: number): string {
	const span =
		gaveUpAfterMs >= 60_000
			? `${Math.round(gaveUpAfterMs / 60_000)} min`
			: `${Math.max(1, Math.round(gaveUpAfterMs / 1000))} s`;
	return `lost the connection to ${formatHostLabel(address)} and could not get it back in ${span}`;
}

/** The reason each still-unsent message fails with when the session ends. */
export function unsentReason(closedBecause: string): string {
	return `not sent: ${closedBecause}`;
}

export const QUIT_SENTENCE = 'you left the chat';
