// Every limit of `chat join`, the network client's, the chat screen's and the terminal's, each
// with its reason (docs/protocol.md "Limits", the client part). The protocol's own limits, which
// both sides rely on, are in source/protocol/limits.ts. This module holds values only, so the UI
// may read it without touching anything else of the client.
import {MAX_ENVELOPE_BYTES, MAX_LINE_BYTES} from '../protocol/limits.js';

// Reaching the host.

/** A host that does not answer a connect in this time is unreachable; the OS would wait minutes. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A TLS host answers the handshake within a round trip; a plain chat host never does, and the
 * user should not wait for its login timeout to find out.
 */
export const TLS_HANDSHAKE_TIMEOUT_MS = 5000;

/** A host that takes longer than this to answer HELLO is not a working chat host. */
export const LOGIN_ANSWER_TIMEOUT_MS = 15_000;

/** Silence after which we ask the host whether it is there; under the host's own 30 s. */
export const CLIENT_PING_AFTER_SILENCE_MS = 20_000;

/** How long the host has to answer our PING before we call the connection dead. */
export const CLIENT_PONG_TIMEOUT_MS = 10_000;

/**
 * After QUIT, how long we wait for the host's BYE before closing anyway: the one quit deadline,
 * so a host that does not answer never keeps the terminal.
 */
export const QUIT_ANSWER_TIMEOUT_MS = 2000;

// Reconnecting (modelled on tj/axon: capped exponential backoff with jitter).

/** First retry comes quickly: most drops (a Wi-Fi blip, a host restart) heal within a second. */
export const RECONNECT_INITIAL_DELAY_MS = 500;

/** Retries never wait longer than this, so a user who waits sees the host back soon after it is. */
export const RECONNECT_MAX_DELAY_MS = 15_000;

/** Each failed try doubles the wait, so a host that is down is not hammered. */
export const RECONNECT_MULTIPLIER = 2;

/** Up to this share of each delay is random, so many clients of a restarted host do not return at once. */
export const RECONNECT_JITTER_RATIO = 0.5;

/** Extra wait past the host's grace period, for its timer and our clock to disagree a little. */
export const GRACE_MARGIN_MS = 5000;

/** Line mode stops reconnecting after this long without the host: a script must not hang. */
export const LINE_MODE_GIVE_UP_MS = 5 * 60_000;

// Messages.

/** Messages waiting for a result; past this, `send()` fails at once instead of growing without bound. */
export const MAX_QUEUED_MESSAGES = 500;

/** How many recent ids and refs are remembered to drop repeats; far more than a resume can replay. */
export const DEDUPE_MEMORY = 4096;

/** An unsent message printed after the session: enough to recognise and retype it, short enough to keep a long paste off the screen. */
export const MAX_UNSENT_PREVIEW_CHARS = 200;

// The password prompt.

/** Wrong answers before the client gives up (ssh's default NumberOfPasswordPrompts). */
export const MAX_PASSWORD_ANSWERS = 3;

/**
 * How long a loaded UI waits for the host's first answer before it starts, so a password prompt
 * does not race the full screen; a host that answers later and wants a password ends the session.
 */
export const FIRST_ANSWER_WAIT_MS = 1000;

// The chat screen.

/** The longest part of a message: what fits on one protocol line with the SEND envelope. */
export const MAX_TEXT_BYTES = MAX_LINE_BYTES - MAX_ENVELOPE_BYTES;

/**
 * The longest message, in parts of MAX_TEXT_BYTES (docs/protocol.md "Long and multi-line
 * messages"): a long paste (a log, a file of code) fits with room to spare; past it a file
 * transfer, not a chat message.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** The most lines in one message: at the host's default rate they all go out within a minute. */
export const MAX_MESSAGE_LINES = 1000;

/**
 * The share of the host's rate the client sends at once its burst is spent: exactly at the rate,
 * the host's bucket sits empty and a little jitter makes lines wait, and ten seconds of waiting
 * count as a flood.
 */
export const PACING_RATE_SHARE = 0.9;

/** Lines of the host's burst the client leaves unspent, so a ping or a quit never waits behind a paste. */
export const PACING_BURST_RESERVE = 10;

/**
 * A message of more lines than this asks before it goes (`Send N lines to bob?`). Past about 20
 * lines neither the input nor a small terminal's conversation shows the whole text, so a wrong
 * paste (or the right paste to the wrong person) could not be seen before it left; a snippet of
 * code goes straight (irssi asks above 5 lines, WeeChat above 100).
 */
export const PASTE_CONFIRM_LINES = 20;

/**
 * A paste whose end marker has not come after this long ends where it is: a terminal that lost
 * the marker must not swallow every key after it.
 */
export const PASTE_END_TIMEOUT_MS = 500;

/** Lines kept for Up/Down: plenty for a session, small enough to never matter. */
export const INPUT_HISTORY_LIMIT = 200;

/** Messages kept per conversation (the benchmark's long history fits); older ones are dropped first. */
export const MAX_MESSAGES_PER_CONVERSATION = 100_000;

/**
 * After you choose a partner yourself, a message from someone else does not pull you away for
 * this long: enough to read the last lines and start typing to the one you chose.
 */
export const FOLLOW_PAUSE_AFTER_CHOICE_MS = 10_000;

// The local history, as the chat screen reads it (source/history/ keeps it).

/** Messages read from disk per conversation at start: a screenful, so start-up stays quick. */
export const HISTORY_START_MESSAGES = 50;

/**
 * Conversations whose newest messages are read at start, the most recent first: those likely
 * opened first show at once. The others are read when first shown, so start-up and memory do
 * not grow with the number of conversations kept.
 */
export const HISTORY_START_CONVERSATIONS = 10;

/** Messages read per page when scrolling into the past: several screens, one quick indexed read. */
export const HISTORY_PAGE_MESSAGES = 200;

/**
 * Messages a conversation keeps in memory while history is on: a few pages around the screen.
 * Past it the far end is dropped and read back from disk when scrolled to.
 */
export const HISTORY_WINDOW_MESSAGES = 1000;

/** Search results listed at most: more than a screen, few enough to read from the newest. */
export const SEARCH_RESULT_LIMIT = 200;
