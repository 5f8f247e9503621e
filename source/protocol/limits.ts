// Every limit of the protocol and the host, in one place, each with its reason.
// docs/protocol.md ("Limits") is the user-facing copy of this table.

/** The port `chat host` listens on and `chat join` connects to unless told otherwise. */
export const DEFAULT_PORT = 21_567;

/** The largest port TCP can name (16 bits), for the host's --port and a client's HOST:PORT. */
export const MAX_TCP_PORT = 65_535;

/** A chat line; anything longer is a paste bomb. Longer lines are discarded, never buffered whole. */
export const MAX_LINE_BYTES = 8192;

/** Room the host adds around a text when it relays it (verb, ids, times, names, ctime stamp). */
export const MAX_ENVELOPE_BYTES = 512;

/** The longest line a client must accept from the host. */
export const MAX_HOST_LINE_BYTES = MAX_LINE_BYTES + MAX_ENVELOPE_BYTES;

/** A name fits in the user list and a prompt; 32 is what IRC networks settled on. */
export const MAX_NAME_LENGTH = 32;

/** A client's message id is short so it costs little on every line. */
export const MAX_REF_LENGTH = 32;

/** Each `USERS` roster line stays well under the line limit. */
export const MAX_ROSTER_LINE_BYTES = 4096;

/** A name nobody has used for half a year is free again: long enough for a sabbatical or a
 * parental leave, short enough that a team's departed members do not hold names for ever. Flag:
 * --name-expiry (days). */
export const NAME_EXPIRY_MS = 180 * 24 * 60 * 60 * 1000;

/** How often the host looks for names unused past the expiry (and once as it starts). */
export const NAME_SWEEP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The structured protocol version this build speaks. */
export const PROTOCOL_VERSION = 1;

// --- Host limits (docs/protocol.md "Limits"); `chat host` flags change the ones marked "flag". ---

/** Frees sockets from port scanners and idle connects. Flag: --login-timeout (seconds). */
export const LOGIN_TIMEOUT_MS = 10_000;

/** One machine cannot exhaust the host's sockets; a team sharing one server still fits. Flag: --max-per-address (0: no cap). */
export const DEFAULT_MAX_PER_ADDRESS = 64;

/** Logins a second from one address (or IPv6 /64) once its burst is spent: a storm from one
 * address then costs every structured user a few presence lines a second, not thousands. Flag:
 * --login-rate (0: no limit). */
export const DEFAULT_LOGIN_RATE_PER_SECOND = 2;

/** Logins one address may make at once: as many as DEFAULT_MAX_PER_ADDRESS, so every connection it
 * may hold can log in again together after a host restart or a network blip. Flag: --login-burst. */
export const DEFAULT_LOGIN_BURST = 64;

/** Addresses whose login rate is remembered; past it the quietest is forgotten (which can only
 * give it a fresh burst), so memory stays bounded. */
export const MAX_LOGIN_RATE_ADDRESSES = 10_000;

/** Connections that have not logged in yet, host-wide; past it the one that has waited longest is
 * dropped. A login takes a round trip or two, so this is more than a team reconnecting at once, and
 * idle connects from many addresses cannot take every descriptor. Flag: --max-pre-login (0: no cap). */
export const DEFAULT_MAX_PRE_LOGIN = 512;

/** Descriptors the host keeps for itself out of its open-file limit (stdio, the event loop, the
 * listening socket, a few to spare); the rest are for connections. Flag: --max-connections. */
export const HOST_OWN_FDS = 32;

/** Lines a client may send per second once its burst is spent. Flag: --rate (0: no limit). */
export const DEFAULT_RATE_LINES_PER_SECOND = 20;

/** A paste of this many lines goes through at once. Flag: --burst. */
export const DEFAULT_BURST_LINES = 100;

/** A client whose lines have waited on the rate limit this long without a break is flooding. Flag: --flood-after (seconds). */
export const FLOOD_DISCONNECT_MS = 10_000;

/** Waiting that resumes within this gap counts as the same flood (a steady over-rate sender never gets a break). */
export const FLOOD_EPISODE_GAP_MS = 1000;

/** A client that does not read cannot make the host buffer without bound. Flag: --max-queue (KiB). */
export const MAX_OUTBOUND_QUEUE_BYTES = 1024 * 1024;

/** Finds half-open structured connections. Flag: --ping-after (seconds). */
export const PING_AFTER_SILENCE_MS = 30_000;

/** So a half-open structured connection frees its name within 60 s. Flag: --pong-timeout (seconds). */
export const PONG_TIMEOUT_MS = 30_000;

/** A netcat user cannot answer PING; TCP keepalive finds their half-open connections instead. */
export const PLAIN_KEEPALIVE_MS = 30_000;

/** Long enough for a Wi-Fi drop or a laptop lid. Flag: --resume-grace (seconds). */
export const RESUME_GRACE_MS = 60_000;

/** Held messages for an away user are bounded. Flag: --max-held. */
export const MAX_HELD_MESSAGES = 500;

/** Messages kept per structured user so a resume with `last=` can resend what the drop lost. */
export const MAX_REPLAY_MESSAGES = 100;

/** Refs remembered per user (at least; ref-memory.ts) so a resent `SEND` is answered, not relayed twice. */
export const MAX_REMEMBERED_REFS = 256;

/** Random bytes in a resume token: unguessable, yet short on the wire. */
export const RESUME_TOKEN_BYTES = 12;

/** Presence news lines a structured user may be behind (its socket full) before the host drops
 * them and sends it one roster snapshot instead: news is state, and the state now is shorter than
 * the story of a storm. Bounds what the host keeps for slow readers. */
export const MAX_PRESENCE_BACKLOG = 1000;

/** Presence news bytes a second one structured user may be sent (about 1,000 lines): more than a
 * person or a bot can use, and on a 64 KiB/s link three quarters stay for messages. */
export const PRESENCE_NEWS_BYTES_PER_SECOND = 16 * 1024;

/** Presence news one structured user may be sent at once; behind it a message waits a quarter of a
 * second on a 64 KiB/s link. */
export const PRESENCE_NEWS_BURST_BYTES = 16 * 1024;

/** Presence news (JOIN, LEAVE, AWAY, BACK) waits this long to share a write: a login storm costs each
 * socket one write per batch, not one per login, and a person cannot see 20 ms. */
export const PRESENCE_BATCH_MS = 20;

/** A closing connection gets this long to take its last lines before it is destroyed. */
export const CLOSE_DEADLINE_MS = 2000;

/** Combining marks in a row after one letter in a name: enough for Thai or Devanagari, not for "Zalgo" text. */
export const MAX_NAME_MARKS_IN_A_ROW = 3;

/** Combining marks kept on one character of a text: real scripts stack up to about 6 (Tibetan,
 * Biblical Hebrew); a "Zalgo" text piles dozens over neighbouring lines, and is cut to this. */
export const MAX_TEXT_MARKS_ON_ONE_BASE = 8;

/** Tag characters kept after a black flag: a subdivision id (`gbsct`, Scotland) has at most 7. */
export const MAX_EMOJI_FLAG_TAGS = 7;

// --- Who gets in (docs/protocol.md "Password" and "TLS"). ---

/** A password is one space-free HELLO parameter (`password=`); 128 characters hold any passphrase. */
export const MAX_PASSWORD_LENGTH = 128;

/** After a wrong password, the next try from that address waits this long; each failure doubles it. */
export const PASSWORD_FAILURE_DELAY_MS = 500;

/** The longest wait before a password is checked: a guesser gets ~12 tries a minute, a typo costs little. */
export const PASSWORD_FAILURE_MAX_DELAY_MS = 5000;

/** An address's failures are forgotten this long after its last one. */
export const PASSWORD_FAILURE_MEMORY_MS = 15 * 60_000;

/** Addresses whose failures are remembered; the oldest is forgotten first, so memory stays bounded. */
export const MAX_PASSWORD_FAILURE_ADDRESSES = 10_000;

/** Password tries from one address (or IPv6 /64) waiting for their turn; past it a try is refused at
 * once. The per-address connection cap does not bound a /64 (nor `--max-per-address 0`); 16 is more
 * wrong tries than the login timeout lets through even at the shortest delays, and a team behind one
 * NAT logging in at once still fits, since a right password clears the address for the rest. */
export const MAX_PASSWORD_TRIES_WAITING = 16;

/** Lines a client may send ahead while its password waits to be checked (its name, a first message). */
export const MAX_LINES_AHEAD_OF_PASSWORD = 32;
