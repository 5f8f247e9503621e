// A terminal's stdin and stdout for runChatUi in a test: raw mode is recorded, keys are typed in,
// and everything written is kept.
import {EventEmitter} from 'node:events';
import type {ChatClient} from '../../source/client/chat-client.js';
import type {ChatHistory} from '../../source/history/chat-history.js';
import {runChatUi} from '../../source/join/run-chat-ui.js';

export class FakeStdout extends EventEmitter {
	isTTY = true;
	columns = 80;
	rows = 24;
	writable = true;
	written = '';
	write = (data: string) => {
		this.written += data;
		return true;
	};
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	rawModes: boolean[] = [];
	private pending: string | null = null;
	setRawMode = (mode: boolean) => {
		this.rawModes.push(mode);
		return this;
	};
	setEncoding = () => this;
	ref = () => this;
	unref = () => this;
	resume = () => this;
	pause = () => this;
	read = () => {
		const data = this.pending;
		this.pending = null;
		return data;
	};
	type(data: string) {
		this.pending = data;
		this.emit('readable');
	}
}

/** alice's chat screen on fake terminal ends (or on given ones, which a test watches first). */
export function chatUiOnFakeTty(
	client: ChatClient,
	options: {history?: ChatHistory; stdin?: FakeStdin; stdout?: FakeStdout} = {},
) {
	const stdout = options.stdout ?? new FakeStdout();
	const stdin = options.stdin ?? new FakeStdin();
	const result = runChatUi({
		client,
		history: options.history,
		self: 'alice',
		hostLabel: 'localhost:21567',
		follow: true,
		bell: true,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
	});
	return {stdout, stdin, result};
}
