// Every limit of the local history, each with its reason (docs/protocol.md lists the client's).

/** A second process's commit waits this long for the other's lock: a commit holds it for a tick. */
export const HISTORY_BUSY_TIMEOUT_MS = 1000;

/**
 * Writes wait this long to be committed together: under a flood one commit (and one batch of
 * search indexing) carries many messages. A kill -9 may lose what arrived in this last spell;
 * quitting, a signal or a read commits at once.
 */
export const HISTORY_COMMIT_DELAY_MS = 100;

/** Old messages deleted per tick by --history-days, so a large expiry never stalls the screen. */
export const EXPIRY_BATCH_MESSAGES = 2000;

/** A day in ms, for --history-days. */
export const DAY_MS = 86_400_000;
