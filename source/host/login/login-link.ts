// The connection as the login sees it, and what the login needs of the host. A connection
// (connection/connection.ts) implements LoginLink; start-host.ts builds the LoginContext.

import type {Presence} from '../relay/presence.js';
import type {PresenceNews} from '../relay/presence-news.js';
import type {Face, User, UserLink} from '../relay/user.js';
import type {UserState} from '../relay/user-state.js';
import type {LoginRate} from './login-rate.js';
import type {LoginState} from './login-state.js';
import type {PasswordTurns} from './password-turns.js';

export type LoginLink = UserLink & {
	readonly address: string;
	/** True once the connection has ended; a late answer (a password check) then does nothing. */
	readonly closed: boolean;
	/** Undefined until the first line decides it. */
	face: Face | undefined;
	readonly login: LoginState;
	/** The line that tells this client why the connection ends, in its face's form. */
	farewell(code: string, reason: string): string;
	/** The name is the user's: the connection's lines now go to the face's session. */
	loggedIn(user: User, face: Face): void;
	/** From now on presence news reaches this client (a structured one, after its roster). */
	followNews(news: PresenceNews): void;
	/** Handles a line as if it had just come (the lines kept while the login waited). */
	handleLine(line: string): void;
};

type LoginSettings = {
	/** The shared secret (docs/protocol.md "Password"); undefined: none is asked for. */
	readonly password?: string | undefined;
	readonly resumeGraceMs: number;
	/** The line rate limit, told to a structured client in WELCOME so it can pace its sends. */
	readonly rate?: number;
	readonly burst?: number;
};

export type LoginContext = {
	readonly settings: LoginSettings;
	/** One for the host: tries from an address take turns, and its failures slow them all down. */
	readonly passwordTurns: PasswordTurns;
	/** One record for the host: logins per address (or IPv6 /64). */
	readonly loginRate: LoginRate;
	readonly users: UserState;
	readonly presence: Presence;
	readonly news: PresenceNews;
	log(line: string): void;
};
