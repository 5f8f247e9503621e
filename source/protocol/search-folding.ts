// How search compares text: case and accents do not matter (é finds e, Ä finds a), in any
// script. The local history folds the same way, so what is found is what gets highlighted.

const MARKS = /\p{M}/gu;

/** One character folded: decomposed, its accents dropped, lower-cased. */
function foldCharacter(character: string): string {
	return character.normalize('NFD').replaceAll(MARKS, '').toLowerCase();
}

export function foldForSearch(text: string): string {
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
