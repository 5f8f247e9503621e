// Lines the host keeps for a while (a resume's replay, a ref's result) are built by
// concatenation, which V8 stores as a tree of pieces that also holds on to the whole line the
// text was cut from. Reading one character makes V8 copy the tree into one flat string in place,
// so a kept line costs its own bytes only and the young-generation GC pauses stay short. A string
// cut from a larger one with `slice` (what a decoder reads from a payload) is flat already but
// keeps the whole of that string alive: one kept past the payload is made a string of its own.

/** `text`, made flat in place (the same string, for the caller's convenience). */
export function flat(text: string): string {
	text.charCodeAt(0);
	return text;
}

/** `text` as a string of its own, keeping no larger string alive (a slice of one would): a copy.
 * The copy is sliced from a one-character-longer string, which V8 makes flat to slice it. */
export function detached(text: string): string {
	return (' ' + text).slice(1);
}
