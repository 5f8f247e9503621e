// A PUBLISH payload written as UTF-8 bytes while its frames come (frame-outbox.ts): no string per
// frame, no joined string per payload, and nothing for node-redis to encode again. Frames are
// separated by newlines, as docs/cluster.md "Channels" says. A frame on the hot path claims room
// for its worst case and writes its fields with the functions below, in one pass.

const NEWLINE = 0x0a;
/** The first code unit that is not ASCII, so not one byte of UTF-8. */
const NOT_ASCII = 0x80;
/** Texts this long or longer go to Buffer's UTF-8 writer in one call; shorter ones are copied
 * byte by byte, which costs less than the call. */
const NATIVE_WRITE_CHARS = 32;
/** The most bytes one UTF-16 code unit becomes in UTF-8. */
export const MAX_BYTES_PER_CHAR = 3;
/** A new writer's bytes; it doubles as needed, and a reused one keeps what it grew to. */
const INITIAL_BYTES = 4096;

export class PayloadWriter {
	#bytes = Buffer.allocUnsafe(INITIAL_BYTES);
	#length = 0;

	/** Bytes written so far. */
	get length(): number {
		return this.#length;
	}

	/** The bytes to write a claimed frame into, from the offset `claim` gave. */
	get bytes(): Buffer {
		return this.#bytes;
	}

	/** Starts a frame of at most `count` bytes: returns where it starts, after the newline that
	 * separates it from the one before. Written with the functions below, then `commit`ted. */
	claim(count: number): number {
		const needed = this.#length + 1 + count;
		if (needed > this.#bytes.length) {
			const grown = Buffer.allocUnsafe(Math.max(needed, this.#bytes.length * 2));
			this.#bytes.copy(grown, 0, 0, this.#length);
			this.#bytes = grown;
		}

		if (this.#length > 0) this.#bytes[this.#length++] = NEWLINE;
		return this.#length;
	}

	/** The claimed frame ends at `end`. */
	commit(end: number): void {
		this.#length = end;
	}

	/** Writes one frame that is already text. */
	frame(text: string): void {
		const start = this.claim(text.length * MAX_BYTES_PER_CHAR);
		this.commit(writeText(this.#bytes, start, text));
	}

	/** What was written, as a view of the writer's bytes: valid until `reset`. */
	payload(): Buffer {
		return this.#bytes.subarray(0, this.#length);
	}

	/** Empties the writer to write another payload in the same bytes. */
	reset(): void {
		this.#length = 0;
	}
}

/** Writes `text` as UTF-8 (a lone surrogate as U+FFFD, as Buffer writes it) at `at`, into room
 * already claimed; returns where it ends. */
export function writeText(bytes: Buffer, at: number, text: string): number {
	const count = text.length;
	if (count >= NATIVE_WRITE_CHARS) return at + bytes.write(text, at);
	for (let index = 0; index < count; index++) {
		const code = text.charCodeAt(index);
		if (code >= NOT_ASCII) return at + bytes.write(text.slice(index), at);
		bytes[at++] = code;
	}

	return at;
}

/** Writes a whole number below 2^31 in decimal, digit by digit, at `at`; returns where it ends. */
export function writeDigits(bytes: Buffer, at: number, value: number): number {
	let end = at + 1;
	for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) end++;
	let rest = value;
	let index = end;
	do {
		bytes[--index] = 0x30 + (rest % 10);
		rest = Math.floor(rest / 10);
	} while (rest > 0);
	return end;
}
