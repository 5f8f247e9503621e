// The reference beside the store, as the bare relay is beside the host: an append-only log of JSON
// lines, one write and one fdatasync per tick for all of that tick's messages, and an open that
// replays the whole log into memory (a log has no index to read a recipient's messages from).
import fs from 'node:fs';
import type {WaitingMessage} from '../source/host/store/waiting-messages.js';

export class BareStoreLog {
	readonly #fd: number;
	#lines: string[] = [];
	#waiting: Array<() => void> = [];

	constructor(readonly file: string) {
		this.#fd = fs.openSync(file, 'a', 0o600);
	}

	append(message: WaitingMessage): Promise<void> {
		if (this.#lines.length === 0) setImmediate(() => this.#commit());
		this.#lines.push(`${JSON.stringify(message)}\n`);
		return new Promise((resolve) => this.#waiting.push(resolve));
	}

	close(): void {
		fs.closeSync(this.#fd);
	}

	/** What an open must do before it can answer: read every line, index them by recipient. */
	static replay(file: string): Map<string, WaitingMessage[]> {
		const byRecipient = new Map<string, WaitingMessage[]>();
		for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
			if (line === '') continue;
			const message = JSON.parse(line) as WaitingMessage;
			const list = byRecipient.get(message.recipientKey) ?? [];
			byRecipient.set(message.recipientKey, list);
			list.push(message);
		}

		return byRecipient;
	}

	#commit(): void {
		const waiting = this.#waiting;
		fs.writeSync(this.#fd, this.#lines.join(''));
		fs.fdatasyncSync(this.#fd);
		this.#lines = [];
		this.#waiting = [];
		for (const resolve of waiting) resolve();
	}
}
