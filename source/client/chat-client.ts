// The contract between the UI and the network. The UI only ever sees this interface,
// so component tests can drive it with a fake and the UI never touches a socket.

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type ClientEvent =
	/**
	 * Connection state changed. `detail` is a human sentence (e.g. "retrying in 4 s"). While the
	 * client waits to try again, `retryAt` is when (ms since the epoch), and `why` what keeps it
	 * out when that is more than a lost connection (a name someone else has now).
	 */
	| {type: 'state'; state: ConnectionState; detail?: string; retryAt?: number; why?: string}
	/** Logged in (first time or after a reconnect). `users` is the full roster, including you;
	 * `fingerprints` the key fingerprint of each user who has one; `host` the address that took
	 * the login, which after a resume on another host of a cluster is not the first one given. */
	| {
			type: 'welcome';
			name: string;
			users: string[];
			fingerprints?: ReadonlyMap<string, string>;
			host?: string;
	  }
	/** Who is online now, including you, in place of the presence news of a storm. */
	| {type: 'roster'; users: string[]; fingerprints?: ReadonlyMap<string, string>}
	| {type: 'user-joined'; name: string}
	/** The key fingerprint `name` proved (after its join); a join or a leave forgets it. */
	| {type: 'user-key'; name: string; fingerprint: string}
	| {type: 'user-left'; name: string}
	| {type: 'user-away'; name: string}
	| {type: 'user-back'; name: string}
	/**
	 * A message to you. `id` is the host's id; duplicates are already removed. `more` says that
	 * this is a part of a longer message and the next part from `from` follows after that many line
	 * breaks (docs/protocol.md "Long and multi-line messages"); `action` marks a `/me`. `stored`:
	 * the host kept it while you were offline, and hands it on now you are back.
	 */
	| {
			type: 'message';
			id: string;
			time: number;
			from: string;
			to: string;
			text: string;
			more?: number;
			action?: boolean;
			stored?: true;
	  }
	/** Your message `ref` (returned by `send`) reached the host, which is holding it for an away user. */
	| {type: 'held'; ref: string; id: string; time: number}
	/** Your message `ref` is kept for a recipient who is offline, until they return; `delivered`
	 * follows then, in this session or a later one. */
	| {type: 'stored'; ref: string; id: string; time: number}
	/** Your message `ref` was handed to the recipient. `time` is the host's timestamp. */
	| {type: 'delivered'; ref: string; id: string; time: number}
	/** `sent` of the `total` parts of your message `ref` were delivered so far. */
	| {type: 'progress'; ref: string; sent: number; total: number}
	/** Your message `ref` was not delivered. `reason` is a sentence for people. */
	| {type: 'failed'; ref: string; code: string; reason: string}
	/**
	 * The host said it is stopping (`BYE shutdown`); the client tries to reconnect, as after a drop.
	 * `message` is the host's reason.
	 */
	| {type: 'host-shutdown'; message: string}
	/** The host did not accept something; the session goes on. */
	| {type: 'error'; code: string; message: string}
	/** The session is over for good (refused, quit, host gone and not coming back). */
	| {type: 'closed'; code: string; message: string};

/** `action`: a `/me`, the text says what you do. */
type SendOptions = {action?: boolean};

export type ChatClient = {
	/**
	 * Sends (or, while disconnected, queues) a message, paced to the host's rate: lines and text
	 * too long for one protocol line go as parts of one message. Returns its ref for later events.
	 */
	send(to: string, text: string, options?: SendOptions): string;
	/**
	 * Logs out cleanly. Resolves once the host confirmed, the connection is gone, or the quit
	 * deadline passed (QUIT_ANSWER_TIMEOUT_MS): callers need no deadline of their own.
	 */
	quit(): Promise<void>;
	/**
	 * While waiting to try the host again, tries now instead of when the backoff says (`/reconnect`).
	 * Does nothing while connected or already trying, or once the session is over.
	 */
	reconnect(): void;
	/**
	 * Registers a listener; returns the function that removes it. Events that came while nobody
	 * listened (before the UI mounted) are given to the next listener first, so none is lost.
	 */
	subscribe(listener: (event: ClientEvent) => void): () => void;
};
