// One connection's progress through the login (docs/protocol.md "Password"): whether its `pass:`
// line was accepted, its password while it waits for its turn, and the lines it sent while the
// login waited for an answer (login-wait.ts).

import type {Face} from '../relay/user.js';
import type {PasswordTry} from './password-turns.js';

export class LoginState {
	/** Its first line took a login from its address's login rate (login-rate-gate.ts). */
	counted = false;
	/** A plain connection gave the right `pass:` line; its name is still to come. */
	passwordAccepted = false;
	/** The password waiting in its address's line (password-turns.ts); it leaves if the link ends. */
	passwordTry: PasswordTry | undefined;
	/** A keyed login's challenge: told the client's `PROVE` line (key-login.ts). */
	challenge: ((signature: string | undefined) => void) | undefined;
	/** While waiting: the face the first line chose, and the lines that came meanwhile. */
	waiting: {face: Face; lines: string[]} | undefined;
}
