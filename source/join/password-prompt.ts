// Reads a password from the terminal as ssh does: the prompt, then keys with echo off. Enter
// ends it, Backspace and Ctrl+U edit it, Ctrl+C and Ctrl+D (on an empty line) abort, and so does
// an ending signal, after giving the terminal its echo back (exit-cleanup.ts).
import {registerCleanup} from './exit-cleanup.js';
import type {EndingSignal} from '../exit-codes.js';

/** The keys the prompt reads, as raw mode delivers them. */
const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = new Set(['\u007F', '\b']);
const ESCAPE = '\u001B';

export type PromptInput = NodeJS.ReadableStream & {setRawMode(mode: boolean): unknown};

/** The signals that end a prompt; Ctrl+C counts as SIGINT. */
export type PromptSignal = EndingSignal;

/** What was typed, or the signal that ended the prompt (Ctrl+D on an empty line is SIGINT too). */
type PromptAnswer = {password: string} | {abort: PromptSignal};

/** One chunk of keys applied to what is typed so far; done once Enter or an abort came. */
export function applyKeys(
	typed: readonly string[],
	chunk: string,
): {typed: string[]; answer?: PromptAnswer} {
	// An arrow or function key is an escape sequence, never part of a password.
	if (chunk.startsWith(ESCAPE)) return {typed: [...typed]};
	const next = [...typed];
	for (const key of chunk) {
		if (ENTER.has(key)) return {typed: next, answer: {password: next.join('')}};
		if (key === CTRL_C || (key === CTRL_D && next.length === 0)) {
			return {typed: next, answer: {abort: 'SIGINT'}};
		}

		if (BACKSPACE.has(key)) next.pop();
		else if (key === CTRL_U) next.length = 0;
		else if (key >= ' ') next.push(key);
	}

	return {typed: next};
}

export async function promptPassword(
	prompt: string,
	input: PromptInput,
	output: NodeJS.WritableStream,
): Promise<PromptAnswer> {
	let typed: string[] = [];
	let stop: () => void = () => undefined;
	let endCleanup: () => void = () => undefined;
	try {
		return await new Promise<PromptAnswer>((resolve) => {
			endCleanup = registerCleanup({
				onSignal(signal) {
					resolve({abort: signal});
				},
				restore() {
					input.setRawMode(false);
					input.pause();
				},
			});
			// Echo goes off before the prompt shows, so nothing typed after it can appear.
			input.setRawMode(true);
			output.write(prompt);
			const onData = (data: Buffer | string) => {
				const applied = applyKeys(typed, String(data));
				typed = applied.typed;
				if (applied.answer !== undefined) resolve(applied.answer);
			};

			input.on('data', onData);
			stop = () => {
				input.off('data', onData);
			};

			input.resume();
		});
	} finally {
		stop();
		endCleanup();
		typed.length = 0;
		output.write('\n');
	}
}
