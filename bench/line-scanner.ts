// Splits a socket's byte stream into lines without decoding them, so the load generator stays
// cheap enough that it measures the relay and not itself.

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Called once per complete line: `buffer[start, end)` is the line without `\r\n`. */
export type LineVisitor = (buffer: Buffer, start: number, end: number) => void;

export class LineScanner {
	#carry: Buffer | undefined;

	constructor(private readonly visit: LineVisitor) {}

	push(chunk: Buffer): void {
		let start = 0;
		if (this.#carry) {
			const newline = chunk.indexOf(NEWLINE);
			if (newline === -1) {
				this.#carry = Buffer.concat([this.#carry, chunk]);
				return;
			}
			const line = Buffer.concat([this.#carry, chunk.subarray(0, newline)]);
			this.#carry = undefined;
			this.#emit(line, 0, line.length);
			start = newline + 1;
		}
		for (;;) {
			const newline = chunk.indexOf(NEWLINE, start);
			if (newline === -1) break;
			this.#emit(chunk, start, newline);
			start = newline + 1;
		}
		if (start < chunk.length) this.#carry = Buffer.from(chunk.subarray(start));
	}

	#emit(buffer: Buffer, start: number, end: number): void {
		this.visit(buffer, start, end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end);
	}
}
