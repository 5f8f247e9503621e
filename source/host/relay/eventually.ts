// A result the state seam gives at once or later (user-state.ts): the in-memory state answers
// synchronously and pays for no promise; a store answers with one.

export type Eventually<T> = T | Promise<T>;

/** Calls `next` with the result: in this tick if it is there, else once the promise settles. */
export function whenReady<T>(result: Eventually<T>, next: (value: T) => void): void {
	if (result instanceof Promise) void result.then(next);
	else next(result);
}
