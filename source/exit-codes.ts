// How `chat host` and `chat join` end, as a shell reads the exit code; 0 is a clean end, and a
// signal's codes are in signal-exit-codes.ts.

/** A session or a host that ended on an error: refused, host gone, port taken. */
export const EXIT_FAILURE = 1;

/** A command line that cannot work (a bad flag, address or password), as getopt tools use 2. */
export const EXIT_USAGE = 2;
