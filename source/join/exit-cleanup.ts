// The one way out of `chat join`, as gemini-cli's utils/cleanup.ts: the only place that listens
// for SIGINT, SIGTERM and SIGHUP, and the one path that puts the terminal back. Each part that
// must stop on a signal or has changed the terminal (the password prompt, the UI loader, the chat
// screen, line mode) registers a step while it runs. Ending the step runs its restore; a process
// that exits with a step still registered runs it on the way out.
import process from 'node:process';
import {ENDING_SIGNALS, type EndingSignal} from '../exit-codes.js';

type CleanupStep = {
	/** How this part ends on an ending signal; while any step is registered, no signal kills. */
	onSignal(signal: EndingSignal): void;
	/** Puts back what this part changed (raw mode, echo, the screen); runs once, whatever happens. */
	restore?: () => void;
};

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
