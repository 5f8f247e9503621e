// A terminal's stdin and stdout for runChatUi in a test: raw mode is recorded, keys are typed in,
// and everything written is kept.
import {EventEmitter} from 'node:events';

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
