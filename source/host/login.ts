// The first line decides the face and logs in (docs/protocol.md, the table at the top, "Names").

import {PROTOCOL_VERSION} from '../protocol/limits.js';
import {checkName, nameKey} from '../protocol/name-rules.js';
import {
	PLAIN_PASS_PREFIX,
	PLAIN_PASSWORD_BUSY,
	PLAIN_PASSWORD_NEEDED,
	PLAIN_PASSWORD_WRONG,
	PLAIN_REUSE,
	PLAIN_WELCOME,
	plainInvalidName,
} from '../protocol/plain-face.js';
import {
	encodeCoded,
	encodeRoster,
	encodeWelcome,
	parseClientLine,
	type Hello,
} from '../protocol/structured-messages.js';
import type {Connection} from './connection.js';
import {
	checkPassword,
	holdWhileChecking,
	needsPassword,
	passwordAccepted,
	passwordRefusalReason,
} from './password-gate.js';
import {announce} from './presence.js';
import {canResume, newResumeToken, resume} from './resume.js';
import {User} from './user.js';

const STRUCTURED_PREFIX = 'HELLO ';

export function handleFirstLine(connection: Connection, line: string): void {
	// The password comes before the name (docs/protocol.md "Password"); lines wait for its check.
	if (holdWhileChecking(connection, line)) return;
	if (line.startsWith(STRUCTURED_PREFIX) && !passwordAccepted(connection)) {
		const hello = parseClientLine(line);
		if (hello.kind !== 'hello') {
			connection.face = 'structured';
			refuse(connection, 'bad-command', hello.kind === 'bad' ? hello.reason : 'HELLO 1 <name>');
			return;
		}

		checkPassword(connection, 'structured', hello.password, (verdict) => {
			connection.face = 'structured';
			if (verdict === 'accepted') structuredLogin(connection, hello);
			else refuse(connection, verdict, passwordRefusalReason(verdict));
		});
		return;
	}

	if (line.startsWith(PLAIN_PASS_PREFIX) && !passwordAccepted(connection)) {
		// Once accepted, the next line is the name.
		const secret = line.slice(PLAIN_PASS_PREFIX.length);
		checkPassword(connection, 'plain', secret, (verdict) => {
			if (verdict === 'accepted') return;
			connection.face = 'plain';
			refuse(connection, verdict, '');
		});
		return;
	}

	connection.face = 'plain';
	if (needsPassword(connection) && !passwordAccepted(connection)) {
		refuse(connection, 'password-required', '');
		return;
	}

	plainLogin(connection, line);
}

function plainLogin(connection: Connection, line: string): void {
	const check = checkName(line);
	if (!check.ok) {
		refuse(connection, 'name-invalid', check.reason);
		return;
	}

	const key = nameKey(check.name);
	if (connection.relay.directory.get(key) !== undefined) {
		refuse(connection, 'name-taken', check.name);
		return;
	}

	const user = register(connection, check.name, key, 'plain');
	connection.queue.push(PLAIN_WELCOME);
	announce(connection.relay, 'JOIN', user);
}

function structuredLogin(connection: Connection, hello: Hello): void {
	if (hello.version !== String(PROTOCOL_VERSION)) {
		const reason = `this host speaks version ${PROTOCOL_VERSION}, not ${hello.version}`;
		refuse(connection, 'version-unsupported', reason);
		return;
	}

	const check = checkName(hello.name);
	if (!check.ok) {
		refuse(connection, 'name-invalid', check.reason);
		return;
	}

	const key = nameKey(check.name);
	const existing = connection.relay.directory.get(key);
	if (existing !== undefined && canResume(existing, hello.resume)) {
		resume(connection, existing, hello.last);
		return;
	}

	if (existing !== undefined) {
		refuse(connection, 'name-taken', check.name);
		return;
	}

	const user = register(connection, check.name, key, 'structured');
	user.resumeToken = newResumeToken();
	sendWelcome(connection, user);
	announce(connection.relay, 'JOIN', user);
}

/** WELCOME with a fresh token, then the roster (docs/protocol.md "Host → client"). */
export function sendWelcome(connection: Connection, user: User): void {
	const {relay} = connection;
	const graceSeconds = Math.round(relay.settings.resumeGraceMs / 1000);
	// The roster says who is online now: news from before it is not for this connection.
	connection.queue.followNews(relay.news);
	connection.queue.push(encodeWelcome(user.name, user.resumeToken, graceSeconds));
	const names: string[] = [];
	for (const each of relay.directory.all()) names.push(each.name);
	for (const line of encodeRoster(names)) connection.queue.push(line);
}

function register(connection: Connection, name: string, key: string, face: User['face']): User {
	const user = new User(name, key, face, connection);
	connection.relay.directory.add(user);
	connection.loggedIn(user, face);
	connection.relay.log(`login ${name} (${face}) from ${connection.address}`);
	return user;
}

const PLAIN_REFUSALS: Record<string, (reason: string) => string> = {
	'name-taken': () => PLAIN_REUSE,
	'name-invalid': plainInvalidName,
	'password-required': () => PLAIN_PASSWORD_NEEDED,
	'password-wrong': () => PLAIN_PASSWORD_WRONG,
	'password-busy': () => PLAIN_PASSWORD_BUSY,
};

/** Refuses the login in the face's form and closes; `detail` is the reason (or the taken name). */
function refuse(connection: Connection, code: string, detail: string): void {
	connection.relay.log(`refused ${connection.address}: ${code}`);
	let line: string;
	if (connection.face === 'plain') {
		line = (PLAIN_REFUSALS[code] ?? plainInvalidName)(detail);
	} else {
		const reason =
			code === 'name-taken'
				? `the name ${detail} is taken`
				: code === 'name-invalid'
					? `invalid name: ${detail}`
					: detail;
		line = encodeCoded('REFUSED', code, reason);
	}

	connection.close('refused', line);
}
