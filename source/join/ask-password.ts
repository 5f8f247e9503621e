// Asks the person at the terminal for the host's password when the host wants one and
// CHAT_PASSWORD is unset, as ssh does; the full-screen UI starts only once that is settled.
import {normalisePassword, passwordProblem} from '../protocol/password-rules.js';
import {promptPassword, type PromptInput, type PromptSignal} from './password-prompt.js';
import {FIRST_ANSWER_WAIT_MS, MAX_PASSWORD_ANSWERS} from '../client/limits.js';
import type {PasswordRefusal} from '../client/structured-client.js';

type PasswordAsker = {
	ask(code: PasswordRefusal): Promise<string | undefined>;
	/** The login has its answer (see StructuredClientOptions.onAnswered). */
	answered(): void;
	/**
	 * Resolves when the UI may take the terminal ('go'), or with why it should not start: the
	 * prompt was ended by Ctrl+C or a signal, or MAX_PASSWORD_ANSWERS answers were wrong.
	 */
	beforeUi(): Promise<'go' | 'gave-up' | {abort: PromptSignal}>;
};

export function createPasswordAsker(options: {
	label: string;
	input: PromptInput;
	output: NodeJS.WritableStream;
	/** For tests; FIRST_ANSWER_WAIT_MS otherwise. */
	waitMs?: number;
}): PasswordAsker {
	const {label, input, output} = options;
	let answers = 0;
	let asked = false;
	let uiStarted = false;
	let aborted: PromptSignal | undefined;
	let gaveUp = false;
	let onAnswered: () => void = () => undefined;
	const loginAnswered = new Promise<void>((resolve) => {
		onAnswered = resolve;
	});

	return {
		async ask(code) {
			if (uiStarted || aborted !== undefined) return undefined;
			asked = true;
			if (answers >= MAX_PASSWORD_ANSWERS) {
				gaveUp = true;
				return undefined;
			}

			if (code === 'password-wrong') output.write('Wrong password, try again.\n');
			while (answers < MAX_PASSWORD_ANSWERS) {
				answers++;
				const answer = await promptPassword(`Password for ${label}: `, input, output);
				if ('abort' in answer) {
					aborted = answer.abort;
					return undefined;
				}

				const problem = passwordProblem(answer.password);
				if (problem === undefined) return normalisePassword(answer.password);
				output.write(`Not a possible password: ${problem}.\n`);
			}

			gaveUp = true;
			return undefined;
		},
		answered() {
			onAnswered();
		},
		async beforeUi() {
			let timer: NodeJS.Timeout | undefined;
			const waited = new Promise<void>((resolve) => {
				timer = setTimeout(resolve, options.waitMs ?? FIRST_ANSWER_WAIT_MS);
			});
			await Promise.race([loginAnswered, waited]);
			clearTimeout(timer);
			// Once a prompt is on the terminal, the whole exchange ends before the UI starts.
			if (asked) await loginAnswered;
			uiStarted = true;
			if (aborted !== undefined) return {abort: aborted};
			return gaveUp ? 'gave-up' : 'go';
		},
	};
}
