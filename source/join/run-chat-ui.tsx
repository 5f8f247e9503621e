// `runChatUi`: the full-screen chat on the alternate screen, wired to a ChatClient. However it
// ends (quit, Ctrl+C, a signal, the host closing the session, an exception) the terminal is
// restored, through exit-cleanup.ts, before it resolves.
import process from 'node:process';
import {render} from 'ink';
import type {ChatClient, ClientEvent} from '../client/chat-client.js';
import type {ChatHistory} from '../history/chat-history.js';
import {ChatApp} from '../ui/chat-app.js';
import {keepInkLinesAcrossFrames} from '../ui/ink-line-cache.js';
import type {ChatOutcome} from '../ui/hooks/use-exit.js';
import {enterSequence, restoreTerminal, takeTerminal} from '../ui/terminal-modes.js';
import {registerCleanup, suspendProcess} from './exit-cleanup.js';
import {EXIT_FAILURE, SIGNAL_EXIT_CODES} from '../exit-codes.js';

export type ChatUiOptions = {
	client: ChatClient;
	history?: ChatHistory;
	startNotice?: string;
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
	const {client} = options;

	let finish: (outcome: ChatOutcome) => void = () => undefined;
	const finished = new Promise<ChatOutcome>((resolve) => {
		let done = false;
		finish = (outcome) => {
			if (done) return;
			done = true;
			resolve(outcome);
		};
	});

	const endCleanup = registerCleanup({
		onSignal(signal) {
			// Log out on the way (the host forgets the name at once), but never wait long for it.
			void client.quit().catch(() => undefined);
			finish({exitCode: SIGNAL_EXIT_CODES[signal]});
		},
		restore: () => {
			restoreTerminal({stdin, stdout});
		},
		resume: () => {
			takeTerminal({stdin, stdout});
		},
	});
	const onCrash = (error: unknown) => {
		finish({exitCode: EXIT_FAILURE, message: `the chat screen stopped: ${describe(error)}`});
	};
	process.on('uncaughtException', onCrash);

	// What the client heard while the UI's code loaded (the login, often): the first frame shows it,
	// rather than a frame of "connecting" and, one frame interval later, the chat screen.
	const heard: ClientEvent[] = [];
	client.subscribe((event) => heard.push(event))();

	stdout.write(enterSequence);
	const restoreInkCaches = keepInkLinesAcrossFrames();
	let instance: ReturnType<typeof render> | undefined;
	try {
		// Raw before the first frame, which may be the chat screen already: Ink reads keys only
		// once its effects have run, and keys typed meanwhile must wait in the terminal as typed, not
		// as a cooked line.
		if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
		instance = render(
			<ChatApp
				client={client}
				heard={heard}
				history={options.history}
				startNotice={options.startNotice}
				self={options.self}
				hostLabel={options.hostLabel}
				follow={options.follow}
				bell={options.bell}
				onExit={finish}
				writeControl={(data) => stdout.write(data)}
				onSuspend={suspendProcess}
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
		process.off('uncaughtException', onCrash);
		restoreInkCaches?.();
		endCleanup();
	}
}
