// The name rules and the name comparison key (docs/protocol.md "Names").

import {foldCase, latinLookalike} from './confusable-letters.js';
import {scriptsOf} from './letter-script.js';
import {MAX_NAME_LENGTH, MAX_NAME_MARKS_IN_A_ROW} from './limits.js';

export type NameCheck = {ok: true; name: string} | {ok: false; reason: string};

const PLAIN_ASCII_NAME = /^[A-Za-z0-9_.-]+$/;
const DIGIT_OR_SIGN = /^[0-9_.-]$/;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const SPACE = /^[\s\p{Z}]$/u;
const CONTROL = /^\p{Cc}$/u;
const FORMAT = /^\p{Cf}$/u;
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const JAPANESE = ['Han', 'Hiragana', 'Katakana'];

function refuse(reason: string): NameCheck {
	return {ok: false, reason};
}

function describeForbidden(character: string): string {
	if (SPACE.test(character)) return 'it contains a space';
	if (character === ':' || character === '@') return `it contains '${character}'`;
	if (CONTROL.test(character)) return 'it contains a control character';
	if (FORMAT.test(character)) return 'it contains an invisible formatting character';
	const shown = VISIBLE.test(character)
		? `'${character}'`
		: 'U+' + (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
	return `it contains ${shown}, which is not a letter, a digit 0-9, '_', '-' or '.'`;
}

/** Checks a name against the rules; the accepted name is the NFC form of `raw`. Never throws. */
export function checkName(raw: string): NameCheck {
	const name = raw.normalize('NFC');
	if (name.length === 0) return refuse('it is empty');
	const tooLong = `it is longer than ${MAX_NAME_LENGTH} characters`;
	if (PLAIN_ASCII_NAME.test(name)) {
		return name.length <= MAX_NAME_LENGTH ? {ok: true, name} : refuse(tooLong);
	}

	const characters = [...name];
	if (characters.length > MAX_NAME_LENGTH) return refuse(tooLong);

	let shared: string[] | undefined; // the scripts every letter so far can be written in
	let firstScript = '';
	let allJapanese = true;
	let marksInARow = 0;
	let afterLetter = false;
	for (const character of characters) {
		if (DIGIT_OR_SIGN.test(character)) {
			afterLetter = false;
			marksInARow = 0;
			continue;
		}

		if (MARK.test(character)) {
			if (!afterLetter) return refuse('it has a combining mark that is not on a letter');
			if (++marksInARow > MAX_NAME_MARKS_IN_A_ROW) {
				return refuse(`it stacks more than ${MAX_NAME_MARKS_IN_A_ROW} marks on one letter`);
			}
		} else if (LETTER.test(character)) {
			afterLetter = true;
			marksInARow = 0;
		} else {
			return refuse(describeForbidden(character));
		}

		const scripts = scriptsOf(character);
		if (scripts.length === 0) continue;
		if (shared === undefined) {
			shared = scripts;
			firstScript = scripts[0] ?? '';
		} else {
			shared = shared.filter((script) => scripts.includes(script));
		}

		allJapanese &&= scripts.some((script) => JAPANESE.includes(script));
		if (shared.length === 0 && !allJapanese) {
			return refuse(`it mixes ${firstScript} and ${scripts[0] ?? ''} letters`);
		}
	}

	return {ok: true, name};
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The key two names are compared by: NFKC, full case folding, no invisible characters, and
 * look-alike letters mapped to the Latin ones they pass for (source/protocol/confusable-letters.ts).
 * Equal keys mean "the same name" even for names `checkName` refuses.
 */
export function nameKey(name: string): string {
	if (ASCII.test(name)) return name.toLowerCase();
	const folded = foldCase(name.normalize('NFKC'))
		.replace(IGNORABLE, '')
		// The Turkish capital `İ` folds to `i` plus a combining dot: the same letter as `i` here.
		.replace(/([ij])\u0307/g, '$1')
		.normalize('NFKC');
	let key = '';
	let mapped = false;
	for (const character of folded) {
		const latin = latinLookalike(character);
		mapped ||= latin !== undefined;
		key += latin ?? character;
	}

	// A mapped letter may now compose with a following mark (Cyrillic `о` + acute → `ó`).
	return mapped ? key.normalize('NFKC') : key;
}
