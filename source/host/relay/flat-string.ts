// Lines the host keeps for a while (a resume's replay, a ref's result) are built by
// concatenation, which V8 stores as a tree of pieces that also holds on to the whole line the
// text was cut from. Reading one character makes V8 copy the tree into one flat string in place,
// so a kept line costs its own bytes only and the young-generation GC pauses stay short.

/** `text`, made flat in place (the same string, for the caller's convenience). */
export function flat(text: string): string {
	text.charCodeAt(0);
	return text;
}
