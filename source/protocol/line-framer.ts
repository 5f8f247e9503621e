// Splits a TCP byte stream into lines (docs/protocol.md "Framing"). Hot path of the relay:
// it searches with Buffer#indexOf, decodes whole lines only, and copies only a line's unfinished tail.
// A reader that cannot take more lines yet (the host's rate limit) pauses it: the rest of the
// chunk is then kept as bytes, unsplit, until it resumes.

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** The UTF-8 byte order mark some editors and Windows tools put before the first line. */
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
const NO_BYTES = Buffer.alloc(0);

export class LineFramer {
	readonly #maxLineBytes: number;
	readonly #onLine: (line: string) => void;
	readonly #onOverflow: () => void;
	/** The unfinished line's bytes; room for the limit plus a `\r` that `\n` may still drop. */
	#pending = NO_BYTES;
	#pendingLength = 0;
	/** True while skipping an overlong line up to its `\n`. */
	#discarding = false;
	#stopped = false;
	#paused = false;
	/** What came after the line that paused the framer: a view of the chunk, never split. */
	#held: Buffer | undefined;
	/** True until the first line is emitted or overflows: only it may start with a BOM. */
	#atStreamStart = true;

	constructor(maxLineBytes: number, onLine: (line: string) => void, onOverflow: () => void) {
		this.#maxLineBytes = maxLineBytes;
		this.#onLine = onLine;
		this.#onOverflow = onOverflow;
	}

	/** Bytes held for the unfinished line; never more than `maxLineBytes + 1`. */
	get pendingBytes(): number {
		return this.#pendingLength;
	}

	/** Bytes kept unsplit since `pause`; at most what the chunks pushed since then held. */
	get heldBytes(): number {
		return this.#held?.length ?? 0;
	}

	/** True from `pause` until a `resume` that split everything held. */
	get paused(): boolean {
		return this.#paused;
	}

	/** After this, `push` ignores everything (the connection is finished mid-chunk). */
	stop(): void {
		this.#stopped = true;
		this.#pending = NO_BYTES;
		this.#pendingLength = 0;
		this.#held = undefined;
	}

	/** Called from `onLine`: no more lines after this one; the rest is held as bytes. */
	pause(): void {
		this.#paused = true;
	}

	/** Splits what was held (which may pause it again); true when nothing is held any more. */
	resume(): boolean {
		this.#paused = false;
		const held = this.#held;
		this.#held = undefined;
		if (held !== undefined) this.#split(held);
		return !this.#paused;
	}

	push(chunk: Buffer): void {
		// Bytes that arrive while paused wait behind the held ones.
		if (this.#paused) this.#hold(chunk, 0);
		else this.#split(chunk);
	}

	#split(chunk: Buffer): void {
		let start = 0;
		const end = chunk.length;
		while (start < end && !this.#stopped) {
			if (this.#paused) {
				this.#hold(chunk, start);
				return;
			}

			const newline = chunk.indexOf(NEWLINE, start);
			if (this.#discarding) {
				if (newline === -1) return;
				this.#discarding = false;
				start = newline + 1;
				continue;
			}

			if (newline === -1) {
				this.#keepTail(chunk, start, end);
				return;
			}

			if (this.#pendingLength === 0) {
				this.#emit(chunk, start, newline);
			} else {
				this.#finishPending(chunk, start, newline);
			}

			start = newline + 1;
		}
	}

	#hold(chunk: Buffer, start: number): void {
		if (this.#stopped || start >= chunk.length) return;
		const rest = chunk.subarray(start);
		this.#held = this.#held === undefined ? rest : Buffer.concat([this.#held, rest]);
	}

	/** Emits `chunk[start, newline)` as a line, or reports it as too long. */
	#emit(chunk: Buffer, start: number, newline: number): void {
		const lineEnd =
			newline > start && chunk[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
		if (lineEnd - start > this.#maxLineBytes) {
			this.#overflow();
			return;
		}

		let lineStart = start;
		if (this.#atStreamStart) {
			this.#atStreamStart = false;
			const mark = BYTE_ORDER_MARK.length;
			if (lineEnd - start >= mark && chunk.subarray(start, start + mark).equals(BYTE_ORDER_MARK)) {
				lineStart += mark;
			}
		}

		this.#onLine(chunk.toString('utf8', lineStart, lineEnd));
	}

	#overflow(): void {
		this.#atStreamStart = false;
		this.#onOverflow();
	}

	/** Completes the held tail with `chunk[start, newline)` and emits it. */
	#finishPending(chunk: Buffer, start: number, newline: number): void {
		const total = this.#pendingLength + newline - start;
		// One byte of slack: the held tail may end with the `\r` that this `\n` drops.
		if (total > this.#maxLineBytes + 1) {
			this.#pendingLength = 0;
			this.#overflow();
			return;
		}

		const pending = this.#pending;
		chunk.copy(pending, this.#pendingLength, start, newline);
		this.#pendingLength = 0;
		this.#emit(pending, 0, total);
	}

	/** Holds an unfinished tail, or starts discarding once it is already too long. */
	#keepTail(chunk: Buffer, start: number, end: number): void {
		const total = this.#pendingLength + end - start;
		const limit = this.#maxLineBytes;
		const fits = total <= limit || (total === limit + 1 && chunk[end - 1] === CARRIAGE_RETURN);
		if (!fits) {
			this.#pendingLength = 0;
			this.#discarding = true;
			this.#overflow();
			return;
		}

		if (this.#pending.length === 0) this.#pending = Buffer.allocUnsafe(limit + 1);
		chunk.copy(this.#pending, this.#pendingLength, start, end);
		this.#pendingLength = total;
	}
}
