// How `chat host` and `chat join` end, as a shell reads the exit code: every code either returns
// is named here, once. 0 is a clean end.

/** A session or a host that ended on an error: refused, host gone, port taken, wrong password three times. */
export const EXIT_FAILURE = 1;

/** A command line that cannot work (a bad flag, address or password), as getopt tools use 2. */
export const EXIT_USAGE = 2;

/**
 * `chat join` in line mode (stdin not a terminal) ran to its end, but some line did not do what
 * it said: text with no partner, a `to:` that failed, or a message that was not delivered.
 */
export const EXIT_NOT_DELIVERED = 3;

/** A signal ends `chat join` with 128 + its number, as shells report it, wherever it comes. */
export const SIGNAL_EXIT_CODES = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

/** A signal that ends `chat join`. */
export type EndingSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The signals, for installing a handler on each. */
export const ENDING_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as EndingSignal[];
