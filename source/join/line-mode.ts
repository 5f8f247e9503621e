// `chat join` when stdin is not a terminal: a plain line client over the structured connection,
// so it can be scripted. Never touches raw mode; stdout carries only what the relay would print.
// A signal (SIGINT, SIGTERM, SIGHUP) logs out, so a stopped script's name is free at once.
import readline from 'node:readline';
import type {Readable, Writable} from 'node:stream';
import type {ChatClient, ClientEvent} from '../client/chat-client.js';
import {
	createLineModeState,
	handleClientEvent,
	handleInputLine,
	lineModeExitCode,
	noteSent,
	noteUnanswered,
} from './line-mode-rules.js';
import {registerCleanup} from './exit-cleanup.js';

type LineModeOptions = {
	client: ChatClient;
	self: string;
	follow: boolean;
	input: Readable;
	output: Writable;
	/** Connection news and the closing sentence (`chat: …`); kept off stdout so scripts read only chat. */
	errorOutput: Writable;
};

/**
 * Runs until `quit`, end of input (after every sent message has its result), or the session
 * closes. Exits 0 when every line did what it said (lineModeExitCode).
 */
export async function runLineMode(options: LineModeOptions): Promise<number> {
	const {client, output, errorOutput} = options;
	const state = createLineModeState(options.self, options.follow);
	let welcomed = false;
	let reconnecting = false;
	let inputEnded = false;
	let quitting = false;
	let finish!: (sessionFailed: boolean) => void;
	const finished = new Promise<number>((resolve) => {
		finish = (sessionFailed) => {
			noteUnanswered(state);
			resolve(lineModeExitCode(state, sessionFailed));
		};
	});
	const lines = readline.createInterface({
		input: options.input,
		crlfDelay: Number.POSITIVE_INFINITY,
	});
	// Lines typed before the login wait for the roster, so `to:bob` can be checked.
	lines.pause();

	const quit = () => {
		if (quitting) return;
		quitting = true;
		lines.close();
		void client.quit().then(() => {
			finish(false);
		});
	};

	const quitWhenSettled = () => {
		if (inputEnded && welcomed && state.sentTo.size === 0) quit();
	};

	const onEvent = (event: ClientEvent) => {
		const printed = handleClientEvent(state, event);
		if (printed !== undefined) output.write(printed + '\n');
		if (event.type === 'welcome' && !welcomed) {
			welcomed = true;
			lines.resume();
		} else if (event.type === 'state' && event.state === 'reconnecting') {
			reconnecting = true;
			errorOutput.write(`chat: reconnecting, ${event.detail ?? ''}\n`);
		} else if (event.type === 'state' && event.state === 'connected' && reconnecting) {
			reconnecting = false;
			errorOutput.write('chat: reconnected\n');
		} else if (event.type === 'closed') {
			lines.close();
			if (event.code !== 'quit') errorOutput.write(`chat: ${event.message}\n`);
			finish(event.code !== 'quit');
		}

		quitWhenSettled();
	};

	lines.on('line', (line) => {
		if (quitting) return;
		const effect = handleInputLine(state, line);
		if (effect.kind === 'print') output.write(effect.line + '\n');
		else if (effect.kind === 'send')
			noteSent(state, client.send(effect.to, effect.text), effect.to);
		else if (effect.kind === 'quit') quit();
	});
	lines.on('close', () => {
		inputEnded = true;
		quitWhenSettled();
	});

	const unsubscribe = client.subscribe(onEvent);
	const endCleanup = registerCleanup({onSignal: quit});
	try {
		return await finished;
	} finally {
		endCleanup();
		unsubscribe();
	}
}
