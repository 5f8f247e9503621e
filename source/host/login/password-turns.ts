// Password checks from one address take turns (docs/protocol.md "Password"): one try at a time is
// checked, and the next waits until its address's delay after that verdict has passed, so many
// connections guess no faster than one. A try whose connection is gone leaves the line: it is
// never checked, counts no failure, and holds up nobody behind it.

import {addressKey} from './address-key.js';
import type {PasswordFailures} from './password-failures.js';

/** One password waiting for its check. */
export type PasswordTry = {
	readonly address: string;
	/** Whether the password is right; asked once, when the try's turn comes. */
	matches(): boolean;
	/** Told the verdict once it is recorded. */
	decided(right: boolean): void;
};

/** `checked`: the verdict is already given; `waiting`: it comes later; `full`: refused unchecked. */
export type TurnOutcome = 'checked' | 'waiting' | 'full';

/** Time and one-shot timers, injected so tests can drive them. */
export type TurnClock = {
	now(): number;
	/** Calls `run` after `ms`; the returned function cancels it. */
	after(ms: number, run: () => void): () => void;
};

const systemClock: TurnClock = {
	// Monotonic, and finer than a millisecond: the wall clock rounds to whole milliseconds and may
	// be stepped, and either could let a verdict come before its delay is up.
	now: () => performance.now(),
	after(ms, run) {
		const timer = setTimeout(run, ms);
		// A waiting password never keeps the process alive.
		timer.unref();
		return () => {
			clearTimeout(timer);
		};
	},
};

/** The tries of one address, first in line first, and the timer for the first one's turn. */
type Line = {tries: PasswordTry[]; cancel: (() => void) | undefined};

export class PasswordTurns {
	readonly #failures: PasswordFailures;
	readonly #maxWaiting: number;
	readonly #clock: TurnClock;
	readonly #lines = new Map<string, Line>();

	constructor(failures: PasswordFailures, maxWaiting: number, clock: TurnClock = systemClock) {
		this.#failures = failures;
		this.#maxWaiting = maxWaiting;
		this.#clock = clock;
	}

	/** Tries waiting from the address (or /64) of `address`. */
	waiting(address: string): number {
		return this.#lines.get(addressKey(address))?.tries.length ?? 0;
	}

	/** Checks `attempt` now if its address is due and nobody waits before it; else queues it. */
	enter(attempt: PasswordTry): TurnOutcome {
		const key = addressKey(attempt.address);
		const line = this.#lines.get(key);
		if (line !== undefined) {
			if (line.tries.length >= this.#maxWaiting) return 'full';
			line.tries.push(attempt);
			return 'waiting';
		}

		if (this.#failures.waitBeforeCheck(attempt.address, this.#clock.now()) === 0) {
			this.#decide(attempt);
			return 'checked';
		}

		this.#lines.set(key, {tries: [attempt], cancel: undefined});
		this.#advance(key);
		return 'waiting';
	}

	/** Takes a try whose connection is gone out of the line; it is never checked. */
	leave(attempt: PasswordTry): void {
		const key = addressKey(attempt.address);
		const line = this.#lines.get(key);
		if (line === undefined) return;
		const index = line.tries.indexOf(attempt);
		if (index === -1) return;
		line.tries.splice(index, 1);
		// The address's next check time does not depend on who waits, so the timer stays unless
		// nobody is left to use it.
		if (line.tries.length > 0) return;
		line.cancel?.();
		this.#lines.delete(key);
	}

	/** Checks the tries whose turn has come, then arms the timer for the next one. */
	#advance(key: string): void {
		const line = this.#lines.get(key);
		if (line === undefined) return;
		line.cancel = undefined;
		for (let first = line.tries[0]; first !== undefined; first = line.tries[0]) {
			const wait = this.#failures.waitBeforeCheck(first.address, this.#clock.now());
			if (wait > 0) {
				line.cancel = this.#clock.after(wait, () => {
					this.#advance(key);
				});
				return;
			}

			line.tries.shift();
			this.#decide(first);
		}

		// A verdict's side effects may have emptied this line and let a new one start.
		if (this.#lines.get(key) === line) this.#lines.delete(key);
	}

	#decide(attempt: PasswordTry): void {
		const right = attempt.matches();
		if (right) this.#failures.succeeded(attempt.address);
		else this.#failures.failed(attempt.address, this.#clock.now());
		attempt.decided(right);
	}
}
