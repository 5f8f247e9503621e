// Renders the chat UI with ink-testing-library on a terminal of a chosen size, with a fake client,
// and waits for frames by polling with a deadline (never by sleeping a fixed time).
import {render} from 'ink-testing-library';
import type {ChatHistory} from '../../source/history/chat-history.js';
import {ChatApp} from '../../source/ui/chat-app.js';
import type {ChatOutcome} from '../../source/ui/hooks/use-exit.js';
import {createFakeClient, type FakeClient} from './fake-client.js';
import {createManualClock, type ManualClock} from './manual-clock.js';

/** How long a UI test waits for a frame before failing: generous, as CI machines are loaded. */
const WAIT_DEADLINE_MS = 15_000;

/** Between two looks at the screen: short enough to add nothing, long enough not to spin a core. */
const POLL_INTERVAL_MS = 5;

export const keys = {
	ctrlN: '\u000E',
	ctrlP: '\u0010',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
	ctrlU: '\u0015',
	ctrlW: '\u0017',
	ctrlA: '\u0001',
	ctrlL: '\u000C',
	ctrlZ: '\u001A',
	ctrlR: '\u0012',
	home: '\u001B[H',
	end: '\u001B[F',
	alt: (character: string) => `\u001B${character}`,
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	f1: '\u001BOP',
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	escape: '\u001B',
	tab: '\t',
	enter: '\r',
	backspace: '\u007F',
} as const;

export type ChatHarness = {
	client: FakeClient;
	/** The screen's clock: time moves only with clock.advance(ms). */
	clock: ManualClock;
	frame(): string;
	/** Sends raw input, one key sequence per call, and lets Ink handle it. */
	press(...inputs: string[]): Promise<void>;
	/** Types text and presses Enter. */
	submit(text: string): Promise<void>;
	waitFor(predicate: (frame: string) => boolean, what: string): Promise<string>;
	resize(columns: number, rows: number): void;
	controls: string[];
	outcomes: ChatOutcome[];
	/** Everything written to the terminal so far, frame by frame. */
	writes(): readonly string[];
	/** How many times Ctrl+Z asked to suspend; each resolves at once, as if fg came right away. */
	suspends: number;
	unmount(): void;
};

export async function waitUntil<T>(
	check: () => T | undefined | false,
	what: string,
	deadline = WAIT_DEADLINE_MS,
): Promise<T> {
	const end = Date.now() + deadline;
	for (;;) {
		const result = check();
		if (result !== undefined && result !== false) return result;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => {
			setTimeout(resolve, POLL_INTERVAL_MS);
		});
	}
}

export function renderChat(
	options: {
		columns?: number;
		rows?: number;
		follow?: boolean;
		bell?: boolean;
		client?: FakeClient;
		/** Who you are; alice unless a test needs alice as someone else. */
		self?: string;
		/** A local history; none unless given. */
		history?: ChatHistory;
	} = {},
): ChatHarness {
	const client = options.client ?? createFakeClient();
	const clock = createManualClock();
	const controls: string[] = [];
	const outcomes: ChatOutcome[] = [];
	const app = render(
		<ChatApp
			client={client}
			history={options.history}
			self={options.self ?? 'alice'}
			hostLabel="localhost:21567"
			follow={options.follow ?? true}
			bell={options.bell ?? true}
			onExit={(outcome) => outcomes.push(outcome)}
			writeControl={(data) => controls.push(data)}
			clock={clock}
			onSuspend={async () => {
				harness.suspends++;
			}}
		/>,
	);
	const resize = (columns: number, rows: number) => {
		Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
		app.stdout.emit('resize');
	};
	resize(options.columns ?? 80, options.rows ?? 24);
	const frame = () => app.lastFrame() ?? '';
	const waitFor = async (predicate: (frame: string) => boolean, what: string) =>
		waitUntil(() => predicate(frame()) && frame(), `${what}; last frame:\n${frame()}`);
	const settle = async () => {
		await new Promise((resolve) => {
			setImmediate(resolve);
		});
	};
	const harness: ChatHarness = {
		client,
		clock,
		frame,
		writes: () => app.frames,
		suspends: 0,
		async press(...inputs) {
			for (const input of inputs) {
				app.stdin.write(input);
				// A lone ESC waits one turn for a following byte before Ink reports it.
				await settle();
			}
			await settle();
		},
		async submit(text) {
			await this.press(text, keys.enter);
		},
		waitFor,
		resize,
		controls,
		outcomes,
		unmount: () => {
			app.unmount();
		},
	};
	return harness;
}
