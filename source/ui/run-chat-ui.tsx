// `runChatUi`: the full-screen chat on the alternate screen. However it ends (quit, Ctrl+C, a
// signal, the host closing the session, an exception) the terminal is restored before it resolves.
import process from 'node:process';
import {render} from 'ink';
import type {ChatClient} from '../client/chat-client.js';
import {EXIT_FAILURE} from '../exit-codes.js';
import {ENDING_SIGNALS, SIGNAL_EXIT_CODES, type EndingSignal} from '../signal-exit-codes.js';
import {bufferClient} from './buffered-client.js';
import {ChatApp} from './chat-app.js';
import {enterSequence, restoreTerminal} from './terminal-modes.js';
import type {ChatOutcome} from './use-exit.js';

export type ChatUiOptions = {
	client: ChatClient;
	self: string;
	hostLabel: string;
	follow: boolean;
	bell: boolean;
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
};

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export async function runChatUi(options: ChatUiOptions): Promise<ChatOutcome> {
	const stdin = options.stdin ?? process.stdin;
	const stdout = options.stdout ?? process.stdout;
	const client = bufferClient(options.client);

	let finish: (outcome: ChatOutcome) => void = () => undefined;
	const finished = new Promise<ChatOutcome>((resolve) => {
		let done = false;
		finish = (outcome) => {
			if (done) return;
			done = true;
			resolve(outcome);
		};
	});

	const onSignal = (signal: EndingSignal) => {
		// Log out on the way (the host forgets the name at once), but never wait long for it.
		void client.quit().catch(() => undefined);
		finish({exitCode: SIGNAL_EXIT_CODES[signal]});
	};
	const signalHandlers = ENDING_SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
	const onCrash = (error: unknown) => {
		finish({exitCode: EXIT_FAILURE, message: `the chat screen stopped: ${describe(error)}`});
	};
	for (const [signal, handler] of signalHandlers) process.on(signal, handler);
	process.on('uncaughtException', onCrash);

	stdout.write(enterSequence);
	let instance: ReturnType<typeof render> | undefined;
	try {
		instance = render(
			<ChatApp
				client={client}
				self={options.self}
				hostLabel={options.hostLabel}
				follow={options.follow}
				bell={options.bell}
				onExit={finish}
				writeControl={(data) => stdout.write(data)}
			/>,
			// Ctrl+C is a key of the chat (it logs out first); console output is drawn above the UI.
			{stdin, stdout, exitOnCtrlC: false},
		);
		instance.waitUntilExit().then(
			() => finish({exitCode: 0}),
			(error: unknown) => onCrash(error),
		);
		return await finished;
	} catch (error: unknown) {
		return {exitCode: EXIT_FAILURE, message: `the chat screen could not start: ${describe(error)}`};
	} finally {
		try {
			instance?.unmount();
		} catch {
			// Unmounting a crashed tree can throw again; the terminal is restored below either way.
		}
		for (const [signal, handler] of signalHandlers) process.off(signal, handler);
		process.off('uncaughtException', onCrash);
		client.close();
		restoreTerminal({stdin, stdout});
	}
}
