// Every limit of the local history, each with its reason (docs/protocol.md lists the client's).

/** A second process's commit waits this long for the other's lock: a commit holds it for a tick. */
export const HISTORY_BUSY_TIMEOUT_MS = 1000;

/**
 * Writes wait this long to be committed together: under a flood one commit (and one batch of
 * search indexing) carries many messages. A kill -9 may lose what arrived in this last spell;
 * quitting, a signal or a read commits at once.
 */
export const HISTORY_COMMIT_DELAY_MS = 100;

/** Messages read per page when scrolling into the past: several screens, one quick indexed read. */
export const HISTORY_PAGE_MESSAGES = 200;

/**
 * Messages a conversation keeps in memory while history is on: a few pages around the screen.
 * Past it the far end is dropped and read back from disk when scrolled to.
 */
export const HISTORY_WINDOW_MESSAGES = 1000;

/** Search results listed at most: more than a screen, few enough to read from the newest. */
export const SEARCH_RESULT_LIMIT = 200;

/** Old messages deleted per tick by --history-days, so a large expiry never stalls the screen. */
export const EXPIRY_BATCH_MESSAGES = 2000;

/** A day in ms, for --history-days. */
export const DAY_MS = 86_400_000;
