// `chat join` with no arguments, at a terminal: the first-run form asks for the name and the
// host, filled in with the last answers (last-join.ts), which it keeps for next time.

import {render} from 'ink';
import {parseAddress} from '../client/parse-address.js';
import {SIGNAL_EXIT_CODES} from '../exit-codes.js';
import {DEFAULT_PORT} from '../protocol/limits.js';
import {checkName} from '../protocol/name-rules.js';
import type {JoinFormAnswer, JoinFormProblem} from '../ui/state/join-form-state.js';
import {JoinForm} from '../ui/views/join-form.js';
import {registerCleanup} from './exit-cleanup.js';
import {readLastJoin, saveLastJoin} from './last-join.js';

/** Offered when nothing was given before: the host on this machine. */
const FIRST_HOST = `localhost:${DEFAULT_PORT}`;

/** The address `chat join` would be given for these answers, or what is wrong and where. */
export function formAddress(answer: JoinFormAnswer): {address: string} | JoinFormProblem {
	if (answer.name === '') return {field: 'name', error: 'type the name you chat as'};
	const name = checkName(answer.name);
	if (!name.ok) return {field: 'name', error: `${answer.name}: ${name.reason}`};
	const address = `${answer.name}@${answer.host === '' ? FIRST_HOST : answer.host}`;
	const parsed = parseAddress(address);
	return parsed.ok ? {address} : {field: 'host', error: parsed.error};
}

/** The address to join, or the exit code when the person gave up (Esc, Ctrl+C, a signal). */
export async function runJoinForm(
	lastJoinFile?: string,
): Promise<{address: string} | {exitCode: number}> {
	const initial = (await readLastJoin(lastJoinFile)) ?? {name: '', host: FIRST_HOST};
	let finish!: (result: {answer: JoinFormAnswer} | {exitCode: number}) => void;
	const finished = new Promise<{answer: JoinFormAnswer} | {exitCode: number}>((resolve) => {
		finish = resolve;
	});
	const endCleanup = registerCleanup({
		onSignal(signal) {
			finish({exitCode: SIGNAL_EXIT_CODES[signal]});
		},
	});
	const check = (answer: JoinFormAnswer) => {
		const result = formAddress(answer);
		return 'address' in result ? undefined : result;
	};

	const app = render(
		<JoinForm
			initial={initial}
			check={check}
			onSubmit={(answer) => {
				finish({answer});
			}}
			onCancel={() => {
				finish({exitCode: SIGNAL_EXIT_CODES.SIGINT});
			}}
		/>,
		{exitOnCtrlC: false},
	);
	try {
		const result = await finished;
		if ('exitCode' in result) return result;
		// Kept before joining: a host that turns out to be wrong is then one edit away next time.
		await saveLastJoin(result.answer, lastJoinFile).catch(() => undefined);
		const address = formAddress(result.answer);
		return 'address' in address ? address : {exitCode: SIGNAL_EXIT_CODES.SIGINT};
	} finally {
		app.unmount();
		await app.waitUntilExit();
		endCleanup();
	}
}
