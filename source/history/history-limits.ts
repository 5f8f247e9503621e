// Every limit of the local history, each with its reason (docs/protocol.md lists the client's).

/** A second process's commit waits this long for the other's lock: a commit holds it for a tick. */
export const HISTORY_BUSY_TIMEOUT_MS = 1000;

/**
 * Writes wait this long to be committed together: under a flood one commit carries many
 * messages. A kill -9 may lose what arrived in this last spell; quitting, a signal or a read
 * commits at once.
 */
export const HISTORY_COMMIT_DELAY_MS = 100;

/**
 * A commit that carried this many messages means a flood, and the next commit waits
 * HISTORY_FLOOD_COMMIT_DELAY_MS instead: a commit costs the screen's work around it more than its
 * own time (bench/README.md, "Figures behind the code"), so a flood is cheaper in fewer of them.
 */
export const HISTORY_FLOOD_COMMIT_MESSAGES = 50;

/** The commit delay in a flood: a kill -9 in a flood may lose up to this much of it. */
export const HISTORY_FLOOD_COMMIT_DELAY_MS = 1000;

/**
 * The search index waits out a flood: rows are indexed once no message has been kept for this
 * long. Indexing a row costs more than keeping it, and a flood is when the screen needs the CPU;
 * this is longer than the pauses within a flood.
 */
export const HISTORY_INDEX_IDLE_MS = 2000;

/**
 * A search scans the rows the index does not hold yet (a flood's, the newest) and asks the index
 * for the rest, so it never waits for indexing; this bounds that scan. A flood that never pauses
 * has HISTORY_INDEX_FLOOD_STEP_ROWS indexed in each commit once this many wait: about 20 s of a
 * flood of 1,000 messages a second, whose scan takes tens of ms (bench/README.md).
 */
export const HISTORY_INDEX_BACKLOG_ROWS = 20_000;

/**
 * Rows indexed in a commit past the backlog: twice what a commit of a flood carries, so the
 * backlog shrinks, and a commit's stall stays a few tens of ms.
 */
export const HISTORY_INDEX_FLOOD_STEP_ROWS = 2000;

/** Rows indexed per step when catching up after a flood, so no step holds the screen long. */
export const HISTORY_INDEX_STEP_ROWS = 250;

/** Old messages deleted per tick by --history-days, so a large expiry never stalls the screen. */
export const EXPIRY_BATCH_MESSAGES = 2000;

/** A day in ms, for --history-days. */
export const DAY_MS = 86_400_000;
