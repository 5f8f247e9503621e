// What a reader sees of a text is what it holds (docs/protocol.md "Message text"): line
// separators become spaces, invisible characters go, and stacks of combining marks are cut.

import {INVISIBLE, kindOf, LINE_SEPARATOR, MARK} from './character-kinds.js';
import {MAX_EMOJI_FLAG_TAGS, MAX_TEXT_MARKS_ON_ONE_BASE} from './limits.js';

// The invisible characters a script or an emoji needs, each only where it works, judged by
// neighbours that stay (so cleaning twice changes nothing): ZWJ and ZWNJ between two letters or
// emoji (`👩‍💻`, Persian `می‌خواهم`, Sinhala `ශ්‍රී`), the vowel separator inside Mongolian; one
// variation selector right after its base (`❤️`, `1️⃣`); the tags of a subdivision flag
// (Scotland's), which run from U+1F3F4 to the cancel tag U+E007F.
const ZWNJ = 0x20_0c;
const ZWJ = 0x20_0d;
const MONGOLIAN_VOWEL_SEPARATOR = 0x18_0e;
const BLACK_FLAG = 0x1_f3_f4;
const CANCEL_TAG = 0xe_00_7f;
/** The first code point that may be a mark or invisible: U+00AD SOFT HYPHEN. */
const FIRST_CANDIDATE = 0xad;

const BASE = /^[^\p{M}\p{C}\p{Z}\s\p{Default_Ignorable_Code_Point}]$/u;
const BEFORE_JOINER = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const AFTER_JOINER = /^[\p{L}\p{Extended_Pictographic}]$/u;
const MONGOLIAN = /^\p{Script=Mongolian}$/u;
const FLAG_TAG = /^[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]$/u;

/** The code point that ends at `end` (exclusive), or '' at the start. */
function before(text: string, end: number): string {
	if (end <= 0) return '';
	const low = text.charCodeAt(end - 1);
	const start = low >= 0xdc_00 && low <= 0xdf_ff && end >= 2 ? end - 2 : end - 1;
	return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

function after(text: string, start: number): string {
	const code = text.codePointAt(start);
	return code === undefined ? '' : String.fromCodePoint(code);
}

function isVariationSelector(codePoint: number): boolean {
	return (
		(codePoint >= 0xfe_00 && codePoint <= 0xfe_0f) ||
		(codePoint >= 0xe_01_00 && codePoint <= 0xe_01_ef) ||
		(codePoint >= 0x18_0b && codePoint <= 0x18_0f && codePoint !== MONGOLIAN_VOWEL_SEPARATOR)
	);
}

function staysVisible(character: string): boolean {
	return character !== '' && (kindOf(character.codePointAt(0) ?? 0) & INVISIBLE) === 0;
}

/** Whether the variation selector at `offset` directly follows its base. */
function keepsSelector(text: string, offset: number): boolean {
	const base = before(text, offset);
	return base !== '' && BASE.test(base);
}

function keepsJoiner(text: string, offset: number): boolean {
	const next = after(text, offset + 1);
	if (!staysVisible(next) || !AFTER_JOINER.test(next)) return false;
	const previous = before(text, offset);
	// After a selector that itself stays (`❤️‍🔥`), or after a visible letter, mark or emoji.
	if (isVariationSelector(previous.codePointAt(0) ?? 0)) {
		return keepsSelector(text, offset - previous.length);
	}

	return staysVisible(previous) && BEFORE_JOINER.test(previous);
}

/** Whether the tag at `offset` belongs to a subdivision flag: U+1F3F4, 1–7 tags, cancel tag. */
function keepsTag(text: string, offset: number): boolean {
	// Back to the first tag of the run (each tag is two code units), then forward to its end.
	let start = offset;
	for (let step = 0; step <= MAX_EMOJI_FLAG_TAGS && FLAG_TAG.test(before(text, start)); step++) {
		start -= 2;
	}

	if (before(text, start).codePointAt(0) !== BLACK_FLAG) return false;
	let end = start;
	while (end - start <= 2 * MAX_EMOJI_FLAG_TAGS && FLAG_TAG.test(after(text, end))) end += 2;
	const tags = (end - start) / 2;
	return tags >= 1 && tags <= MAX_EMOJI_FLAG_TAGS && text.codePointAt(end) === CANCEL_TAG;
}

/** Whether the invisible character at `offset` is one a script or an emoji needs there. */
function keepsInvisible(text: string, offset: number, codePoint: number): boolean {
	if (codePoint === ZWJ || codePoint === ZWNJ) return keepsJoiner(text, offset);
	if (codePoint === MONGOLIAN_VOWEL_SEPARATOR) {
		return MONGOLIAN.test(before(text, offset)) && MONGOLIAN.test(after(text, offset + 1));
	}

	if (codePoint >> 7 === CANCEL_TAG >> 7) return keepsTag(text, offset);
	return isVariationSelector(codePoint) && keepsSelector(text, offset);
}

/** `text` as it reads; the same string when nothing changes. */
export function visibleText(text: string): string {
	let cleaned = '';
	let copiedTo = 0; // text before this offset is in `cleaned` already
	let marks = 0; // marks kept on the current base; removed characters do not end a stack
	for (let offset = 0; offset < text.length; offset++) {
		const code = text.charCodeAt(offset);
		if (code < FIRST_CANDIDATE) {
			marks = 0;
			continue;
		}

		const codePoint =
			code >= 0xd8_00 && code <= 0xdb_ff ? (text.codePointAt(offset) ?? code) : code;
		const width = codePoint > 0xff_ff ? 2 : 1;
		const kind = kindOf(codePoint);
		let replacement: string | undefined;
		if (kind === 0) {
			marks = 0;
		} else if (kind & LINE_SEPARATOR) {
			replacement = ' ';
			marks = 0;
		} else if (kind & INVISIBLE && !keepsInvisible(text, offset, codePoint)) {
			replacement = '';
		} else if (kind & MARK) {
			if (++marks > MAX_TEXT_MARKS_ON_ONE_BASE) replacement = '';
		} else {
			marks = 0;
		}

		if (replacement !== undefined) {
			cleaned += text.slice(copiedTo, offset) + replacement;
			copiedTo = offset + width;
		}

		offset += width - 1;
	}

	return copiedTo === 0 ? text : cleaned + text.slice(copiedTo);
}
