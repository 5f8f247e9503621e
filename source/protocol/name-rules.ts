// The name rules and the name comparison key (docs/protocol.md "Names").

import {scriptsOf} from './letter-script.js';
import {MAX_NAME_LENGTH, MAX_NAME_MARKS_IN_A_ROW} from './limits.js';
import {nameKey} from './name-key.js';
import {PROTOCOL_WORDS} from './protocol-words.js';

export {nameKey} from './name-key.js';

export type NameCheck = {ok: true; name: string} | {ok: false; reason: string};

const PLAIN_ASCII_NAME = /^[A-Za-z0-9_.-]+$/;
const DIGIT_OR_SIGN = /^[0-9_.-]$/;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const SPACE = /^[\s\p{Z}]$/u;
const CONTROL = /^\p{Cc}$/u;
const FORMAT = /^\p{Cf}$/u;
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
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
	const check = checkCharacters(name);
	return check.ok ? checkShape(name, nameKey(name)) : check;
}

function checkCharacters(name: string): NameCheck {
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

const SIGNS_ONLY = /^[._-]+$/;
const EDGE_SIGNS = ['.', '-'];
/** Protocol words by key, so `quit`, `Quit` and a look-alike `ԛuit` are all the word `quit`. */
const PROTOCOL_WORD_KEYS = new Map(PROTOCOL_WORDS.map((word) => [nameKey(word), word]));

/** How `name` (its characters already allowed) reads: by its key, so look-alikes count too. */
function checkShape(name: string, key: string): NameCheck {
	const looksLike = (shown: string, seen: string): string =>
		shown === seen ? `'${shown}'` : `'${shown}', which looks like '${seen}'`;
	if (SIGNS_ONLY.test(key)) {
		return refuse(name === key ? 'it has no letter or digit' : `it looks like '${key}'`);
	}

	const characters = [...name];
	const first = key.at(0) ?? '';
	const last = key.at(-1) ?? '';
	if (EDGE_SIGNS.includes(first)) {
		return refuse(`it starts with ${looksLike(characters[0] ?? '', first)}`);
	}

	if (EDGE_SIGNS.includes(last)) {
		return refuse(`it ends with ${looksLike(characters.at(-1) ?? '', last)}`);
	}

	const word = PROTOCOL_WORD_KEYS.get(key);
	if (word !== undefined) return refuse(`it is a word of the protocol (${word})`);
	return {ok: true, name};
}
