// The login rate at the door (docs/protocol.md "Limits"): a connection's first line is its login,
// and takes one login from its address (login-rate.ts); past the rate the login is refused.

import type {Connection} from './connection.js';
import {tooManyLoginsLine} from './face-lines.js';
import type {Face} from './user.js';

/** Connections whose first line was counted: later lines (a name after `pass:`) are no new login. */
const counted = new WeakSet<Connection>();

/**
 * Counts the connection's login once, at its first line, and says whether it may go on. When its
 * address is past the rate, the login is refused in `face`'s form and the connection closed.
 */
export function admitLogin(connection: Connection, face: Face): boolean {
	if (counted.has(connection)) return true;
	counted.add(connection);
	const {relay, address} = connection;
	const waitMs = relay.loginRate.take(address, Date.now());
	if (waitMs === 0) return true;
	connection.face = face;
	relay.log(`refused ${address}: too-many-logins`);
	connection.close('refused', tooManyLoginsLine(face, address, Math.ceil(waitMs / 1000)));
	return false;
}
