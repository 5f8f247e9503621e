// How search compares text: case and accents do not matter (é finds e, Ä finds a), in any
// script. The local history folds the same way, so what is found is what gets highlighted.

const MARKS = /\p{M}/gu;
/** ASCII has no accents and lower-cases letter by letter: it folds with toLowerCase alone. */
const ASCII = /^[\u0000-\u007F]*$/;

/**
 * Characters whose folding is remembered: a search scan folds every stored text, and folding
 * one character afresh costs many times a lookup. More than any conversation's alphabet; the
 * bound only holds against text of random code points.
 */
const FOLD_CACHE_CHARACTERS = 4096;
const foldedCharacters = new Map<string, string>();

/** One character folded: decomposed, its accents dropped, lower-cased. */
function foldCharacter(character: string): string {
	let folded = foldedCharacters.get(character);
	if (folded === undefined) {
		folded = character.normalize('NFD').replaceAll(MARKS, '').toLowerCase();
		if (foldedCharacters.size < FOLD_CACHE_CHARACTERS) foldedCharacters.set(character, folded);
	}
	return folded;
}

export function foldForSearch(text: string): string {
	if (ASCII.test(text)) return text.toLowerCase();
	let folded = '';
	for (const character of text) folded += foldCharacter(character);
	return folded;
}

/** Where `query` occurs in `text`, folded, as [start, end) UTF-16 offsets into `text`. */
export function matchRanges(text: string, query: string): Array<[number, number]> {
	const needle = foldForSearch(query);
	if (needle === '') return [];
	let folded = '';
	// origin[i]: the offset in `text` of the character that folded unit i came from.
	const origin: number[] = [];
	let offset = 0;
	for (const character of text) {
		const unit = foldCharacter(character);
		for (let index = 0; index < unit.length; index++) origin.push(offset);
		folded += unit;
		offset += character.length;
	}
	origin.push(text.length);
	const ranges: Array<[number, number]> = [];
	for (
		let at = folded.indexOf(needle);
		at !== -1;
		at = folded.indexOf(needle, at + needle.length)
	) {
		const start = origin[at] ?? 0;
		const last = origin[at + needle.length - 1] ?? start;
		const end = last + ((text.codePointAt(last) ?? 0) > 0xff_ff ? 2 : 1);
		ranges.push([start, end]);
	}
	return ranges;
}
