// The one way out of `chat join`, as gemini-cli's utils/cleanup.ts: the only place that listens
// for SIGINT, SIGTERM and SIGHUP, and the one path that puts the terminal back. Each part that
// must stop on a signal or has changed the terminal (the password prompt, the UI loader, the chat
// screen, line mode) registers a step while it runs. Ending the step runs its restore; a process
// that exits with a step still registered runs it on the way out.
//
// A hand-off from one part to the next registers the next step before it ends the last one. When
// the last step ends, the handlers go, and a signal that the process had already received but not
// yet dispatched (it arrived during synchronous work, such as loading the UI's code) goes with
// them: it is neither heard nor left to its default, so the process would run on.
import process from 'node:process';
import {ENDING_SIGNALS, type EndingSignal} from '../exit-codes.js';

type CleanupStep = {
	/** How this part ends on an ending signal; while any step is registered, no signal kills. */
	onSignal(signal: EndingSignal): void;
	/** Puts back what this part changed (raw mode, echo, the screen); runs once, whatever happens. */
	restore?: () => void;
	/**
	 * Back from a suspend (Ctrl+Z, then fg): takes the terminal again as `restore` gave it up. Only
	 * a step with a resume is restored on a suspend; the others are left as they are.
	 */
	resume?: () => void;
};

/**
 * How long a suspend waits for SIGCONT when the process did not stop at all (a process group
 * with no shell to stop it, where the kernel drops SIGTSTP): then the screen comes back at once.
 */
const UNSTOPPED_WAIT_MS = 50;

/** In the order they were registered; the newest is told first, as it sits on top. */
const steps = new Set<CleanupStep>();

const signalHandlers = ENDING_SIGNALS.map((signal) => {
	const handler = () => {
		for (const step of [...steps].reverse()) step.onSignal(signal);
	};

	return [signal, handler] as const;
});

function restore(step: CleanupStep): void {
	steps.delete(step);
	try {
		step.restore?.();
	} catch {
		// A terminal that is gone (SIGHUP) has nothing left to restore; the other steps still run.
	}
}

function restoreAll(): void {
	for (const step of [...steps].reverse()) restore(step);
}

function install(): void {
	for (const [signal, handler] of signalHandlers) process.on(signal, handler);
	process.on('exit', restoreAll);
}

function uninstall(): void {
	for (const [signal, handler] of signalHandlers) process.off(signal, handler);
	process.off('exit', restoreAll);
}

/**
 * Ctrl+Z in raw mode reaches the chat as a key, not as the terminal's SIGTSTP. This does what the
 * terminal would, with the terminal put back first: restores every step that can resume, stops
 * the process group (as vim does, so a wrapper such as npx stops too and the shell sees the job
 * stopped), and once the shell continues it (fg) resumes those steps.
 */
export async function suspendProcess(): Promise<void> {
	const suspended = [...steps].reverse().filter((step) => step.resume !== undefined);
	for (const step of suspended) {
		try {
			step.restore?.();
		} catch {
			// A terminal that is gone has nothing to restore; stopping still works.
		}
	}
	await new Promise<void>((resolve) => {
		const timer = setTimeout(done, UNSTOPPED_WAIT_MS);
		function done() {
			clearTimeout(timer);
			process.off('SIGCONT', done);
			resolve();
		}
		process.on('SIGCONT', done);
		// The stop takes effect before this call returns; the timer runs only after fg.
		process.kill(0, 'SIGTSTP');
	});
	for (const step of suspended.reverse()) {
		try {
			step.resume?.();
		} catch {
			// Same: a terminal that went away while stopped cannot be taken again.
		}
	}
}

/** Registers a step; the returned function ends it, running its restore (calling it twice is safe). */
export function registerCleanup(step: CleanupStep): () => void {
	if (steps.size === 0) install();
	steps.add(step);
	return () => {
		if (!steps.has(step)) return;
		restore(step);
		if (steps.size === 0) uninstall();
	};
}

export type SignalWait = {
	/** Resolves with the first ending signal that came while the wait was registered. */
	heard: Promise<EndingSignal>;
	/** That signal, if one came. */
	signal(): EndingSignal | undefined;
	/** Ends the wait; register whatever takes signals over first (see the top of this file). */
	end(): void;
};

/** A step that only notes the first ending signal, for a part that decides later what it means. */
export function waitForSignal(): SignalWait {
	let heardSignal: EndingSignal | undefined;
	let resolveHeard: (signal: EndingSignal) => void = () => undefined;
	const heard = new Promise<EndingSignal>((resolve) => {
		resolveHeard = resolve;
	});
	const end = registerCleanup({
		onSignal(signal) {
			heardSignal ??= signal;
			resolveHeard(heardSignal);
		},
	});
	return {heard, signal: () => heardSignal, end};
}
