// Reads a payload of frames (docs/cluster.md "Channels") line by line and field by field, in
// place: no array of lines, no array of fields, only the slices a frame keeps.

/** Reads a payload frame by frame (lines) and field by field (tabs), in place. */
export class FieldCursor {
	readonly #text: string;
	/** Where the frame being read ends (its newline, or the payload's end). */
	#end = -1;
	#at = 0;
	/** A field ran past the frame's end: the frame is too short. */
	#short = false;

	constructor(text: string) {
		this.#text = text;
	}

	/** Moves to the next frame; false past the last. */
	nextFrame(): boolean {
		const text = this.#text;
		if (this.#end >= text.length) return false;
		this.#at = this.#end + 1;
		const newline = text.indexOf('\n', this.#at);
		this.#end = newline === -1 ? text.length : newline;
		this.#short = false;
		return true;
	}

	/** The field up to the next tab of this frame ('' once the frame is short). */
	field(): string {
		const tab = this.#text.indexOf('\t', this.#at);
		if (tab === -1 || tab > this.#end) {
			this.#short = true;
			this.#at = this.#end;
			return '';
		}

		const field = this.#text.slice(this.#at, tab);
		this.#at = tab + 1;
		return field;
	}

	/** The frame's last field, its rest; undefined when a field before it was missing. */
	rest(): string | undefined {
		if (this.#short) return undefined;
		const rest = this.#text.slice(this.#at, this.#end);
		this.#at = this.#end;
		return rest;
	}
}
