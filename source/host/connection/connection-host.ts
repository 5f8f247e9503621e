// What a connection needs of the host that runs it, and what the host keeps of each connection.
// start-host.ts builds one ConnectionHost; every Connection of the host shares it.

import type {LoginContext} from '../login/login-link.js';
import type {NewsReader} from '../relay/presence-news.js';
import type {Presence} from '../relay/presence.js';
import type {ReadTurns} from '../relay/read-turns.js';
import type {Relay} from '../relay/relay.js';
import type {CloseReason, Face} from '../relay/user.js';
import type {SessionContext} from '../session/session-context.js';
import type {DeadlineTimer} from './deadline-timer.js';
import type {FlushScheduler} from './flush-scheduler.js';
import type {PreLoginCap} from './pre-login-cap.js';

/** The limits a connection applies (docs/protocol.md "Limits"); HostSettings has them all. */
type ConnectionLimits = {
	/** Lines per second; 0: no limit. */
	readonly rate: number;
	readonly burst: number;
	readonly floodDisconnectMs: number;
	readonly maxOutboundBytes: number;
	readonly loginTimeoutMs: number;
	readonly pingAfterSilenceMs: number;
	readonly pongTimeoutMs: number;
};

/** A connection as the host holds it: enough to stop it on shutdown. */
export type OpenConnection = {
	readonly face: Face | undefined;
	close(reason: CloseReason, lastLine?: string): void;
	/** Resolves once the socket is fully closed. */
	whenClosed(): Promise<void>;
};

export type ConnectionHost = {
	readonly limits: ConnectionLimits;
	readonly scheduler: FlushScheduler;
	/** Login timeouts and keepalive checks, on one timer. */
	readonly deadlines: DeadlineTimer;
	/** Every connection whose socket is not closed yet. */
	readonly connections: Set<OpenConnection>;
	/** The connections not logged in yet, oldest first (--max-pre-login). */
	readonly preLogin: PreLoginCap;
	/** The queues that read presence news: the connected structured users'. */
	readonly newsReaders: Set<NewsReader>;
	/** Told what became of each relayed message, and of those a closed connection never wrote. */
	readonly relay: Relay;
	/** Told when the connection a user was online on ends. */
	readonly presence: Presence;
	/** Set while no connection reads on before the event loop turns (a cluster's payload went). */
	readonly readTurns: ReadTurns;
	/** What the login needs: the connection hands it every line until a name is its user's. */
	readonly login: LoginContext;
	/** What a logged-in user's lines need. */
	readonly session: SessionContext;
	log(line: string): void;
};
