// A program in a pseudo-terminal, read through a headless xterm as a person would see it: the
// screen's text, a wait for a text to show, the raw output, and which screen buffer is active.
//
//   const alice = chatJoinOnScreen(`alice@127.0.0.1:${port}`, ownConfigEnv({CHAT_PASSWORD: ''}));
//   await alice.shows('connected');
import process from 'node:process';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {chatArgs, projectRoot} from './built-cli.js';
import {waitUntil} from './render-chat.js';

/** Starting `chat join` on a busy machine can take seconds. */
export const STEP_DEADLINE_MS = 60_000;

export type PtyScreen = {
	/** Writes to the terminal, as keys typed. */
	type(data: string): void;
	/** What the screen shows, a line a row, trailing blanks trimmed. */
	text(): string;
	/** Resolves once the screen shows `needle`; fails after STEP_DEADLINE_MS with the screen. */
	shows(needle: string): Promise<void>;
	/** Everything the program wrote so far, escape sequences included. */
	output(): string;
	onMainScreen(): boolean;
	/** Resolves with the exit code once the program has ended. */
	exited: Promise<number>;
	/** Ends the program, for a test's cleanup: SIGKILL, since an interactive shell ignores SIGTERM
	 * and once outlived node-pty's SIGHUP here, which left the test file waiting on it. */
	kill(): void;
};

export type ScreenSize = {cols?: number; rows?: number};

export function openPtyScreen(
	file: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	{cols = 80, rows = 24}: ScreenSize = {},
): PtyScreen {
	const screen = new xterm.Terminal({cols, rows, allowProposedApi: true});
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, cwd: projectRoot, env});
	let output = '';
	child.onData((data) => {
		output += data;
		screen.write(data);
	});
	const exited = new Promise<number>((resolve) => {
		child.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	const text = () => {
		const buffer = screen.buffer.active;
		return Array.from({length: screen.rows}, (_, row) =>
			(buffer.getLine(row)?.translateToString(true) ?? '').trimEnd(),
		).join('\n');
	};
	return {
		type: (data) => child.write(data),
		text,
		async shows(needle) {
			await waitUntil(
				() => text().includes(needle),
				`"${needle}" on:\n${text()}`,
				STEP_DEADLINE_MS,
			);
		},
		output: () => output,
		onMainScreen: () => screen.buffer.active.type === 'normal',
		exited,
		kill: () => child.kill('SIGKILL'),
	};
}

/** The built `chat join ADDRESS` on a screen of its own. */
export function chatJoinOnScreen(
	address: string,
	env: NodeJS.ProcessEnv,
	size?: ScreenSize,
): PtyScreen {
	return openPtyScreen(process.execPath, chatArgs('join', address), env, size);
}
