// How `chat join` ends on a signal, wherever it is when the signal comes (loading the UI, at
// the password prompt, in the UI): 128 + the signal number, as shells report it.

export const SIGNAL_EXIT_CODES = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

/** A signal that ends `chat join`. */
export type EndingSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The signals, for installing a handler on each. */
export const ENDING_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as EndingSignal[];
