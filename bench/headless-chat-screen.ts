// The chat screen on a fake terminal and a fake client, for the UI benches' worker processes
// (client-ui-worker.ts, history-ui-worker.ts): messages arrive from a partner, and an act is
// timed to the first frame that shows what it did.
import type {ChatHistory} from '../source/history/chat-history.js';
import {runChatUi} from '../source/join/run-chat-ui.js';
import type {ChatOutcome} from '../source/ui/hooks/use-exit.js';
import {FakeChatClient} from './fake-chat-client.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';

/** A roomy terminal, so a frame holds a screenful of messages as people see it. */
const COLUMNS = 120;
const ROWS = 40;

/**
 * New messages drawn before any is timed. The first few frames of a new message compile the code
 * that draws it; a person's client is past them after its first messages, so the frame rows
 * measure the frames after, and print the slowest of these beside them.
 */
export const WARMUP_FRAMES = 20;

export type HeadlessChatScreen = {
	readonly stdout: FakeStdout;
	readonly stdin: FakeStdin;
	readonly client: FakeChatClient;
	/** Resolves once the screen has ended (after `client.quit()`). */
	readonly finished: Promise<ChatOutcome>;
	/** A message from `from` to me, with the next id (`idPrefix` and a count). */
	receive(from: string, text: string): void;
	/** Time from `act` to the first frame that shows `needle`, in milliseconds. */
	timeFrame(needle: string, act: () => void): Promise<number>;
};

export type HeadlessChatOptions = {
	hostLabel: string;
	/** The own name (default `me`): a history's is the one it was filled for. */
	self?: string;
	follow: boolean;
	history?: ChatHistory;
	/** Put before each message's count, to keep live ids apart from the stored ones. */
	idPrefix?: string;
};

/** The chat screen of `self`, drawn on a fake terminal, fed by a fake client. */
export function startHeadlessChatScreen(options: HeadlessChatOptions): HeadlessChatScreen {
	const stdout = new FakeStdout(COLUMNS, ROWS);
	const stdin = new FakeStdin();
	const client = new FakeChatClient();
	const idPrefix = options.idPrefix ?? '';
	const self = options.self ?? 'me';
	let nextId = 1;
	const finished = runChatUi({
		client,
		history: options.history,
		self,
		hostLabel: options.hostLabel,
		follow: options.follow,
		bell: false,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
	});
	return {
		stdout,
		stdin,
		client,
		finished,
		receive(from, text) {
			client.emit({
				type: 'message',
				id: `${idPrefix}${nextId++}`,
				time: Date.now(),
				from,
				to: self,
				text,
			});
		},
		async timeFrame(needle, act) {
			const frame = stdout.nextFrameWith(needle);
			const started = performance.now();
			act();
			return (await frame) - started;
		},
	};
}
