// What a reader sees of a text is what it holds (docs/protocol.md "Message text"): line
// separators become spaces, invisible characters go, and stacks of combining marks are cut.

import {MAX_EMOJI_FLAG_TAGS, MAX_TEXT_MARKS_ON_ONE_BASE} from './limits.js';

const LINE_SEPARATOR = String.raw`[\u2028\u2029]`;
/** Default_Ignorable_Code_Point (DerivedCoreProperties.txt), and the annotation anchors (Cf). */
const INVISIBLE = String.raw`[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]`;
const STACK = String.raw`\p{M}{${MAX_TEXT_MARKS_ON_ONE_BASE + 1},}`;

/** Any character this module may change; text with none (the usual case) is left alone. */
export const MAY_CHANGE = new RegExp(`${LINE_SEPARATOR}|${INVISIBLE}|${STACK}`, 'u');

// The invisible characters a script or an emoji needs, each only where it works, judged by
// neighbours that stay (so cleaning twice changes nothing): ZWJ and ZWNJ between two letters or
// emoji (`👩‍💻`, Persian `می‌خواهم`, Sinhala `ශ්‍රී`), the vowel separator inside Mongolian; one variation
// selector right after its base (`❤️`, `1️⃣`); the tags of a subdivision flag (Scotland's), which
// run from U+1F3F4 to the cancel tag U+E007F.
const VARIATION_SELECTOR = String.raw`\p{Variation_Selector}`;
const BASE = String.raw`[^\p{M}\p{C}\p{Z}\s\p{Default_Ignorable_Code_Point}]`;
const BEFORE_JOINER = String.raw`[[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]--\p{Default_Ignorable_Code_Point}]|${BASE}${VARIATION_SELECTOR}`;
const AFTER_JOINER = String.raw`[[\p{L}\p{Extended_Pictographic}]--\p{Default_Ignorable_Code_Point}]`;
const JOINER = String.raw`(?<=${BEFORE_JOINER})[\u200C\u200D](?=${AFTER_JOINER})`;
const MONGOLIAN_VOWEL_SEPARATOR = String.raw`(?<=\p{Script=Mongolian})\u180E(?=\p{Script=Mongolian})`;
const FLAG = String.raw`\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,${MAX_EMOJI_FLAG_TAGS}}\u{E007F}`;

const CLEAN = new RegExp(
	`(${FLAG}|${JOINER}|${MONGOLIAN_VOWEL_SEPARATOR}|(?<=${BASE})${VARIATION_SELECTOR})|(${LINE_SEPARATOR})|${INVISIBLE}`,
	'gv',
);
const STACKS = new RegExp(STACK, 'gu');

function keepOrReplace(match: string, kept: string | undefined, separator: string | undefined) {
	if (kept !== undefined) return match;
	return separator === undefined ? '' : ' ';
}

function cutStack(stack: string): string {
	return [...stack].slice(0, MAX_TEXT_MARKS_ON_ONE_BASE).join('');
}

/** `text` as it reads: the same string when MAY_CHANGE finds nothing. */
export function visibleText(text: string): string {
	if (!MAY_CHANGE.test(text)) return text;
	// Invisible characters go first, so that marks they kept apart count as one stack.
	return text.replace(CLEAN, keepOrReplace).replace(STACKS, cutStack);
}
