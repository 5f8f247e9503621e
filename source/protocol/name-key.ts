// The key two names are compared by (docs/protocol.md "Names"): the host runs it on every login
// and every `to:`, so ASCII takes a shortcut and the last answer is kept.

import {foldCase, latinLookalike} from './confusable-letters.js';
import {confusableOf, STROKE, strokeReading} from './unicode-confusables.js';

const ASCII = /^[\x00-\x7f]*$/;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Mapping rounds: a letter made by composing a mapped one with its mark is mapped once more. */
const MAX_KEY_ROUNDS = 3;

// A login checks its name and then looks its key up: the same name twice in a row.
let lastName = '';
let lastKey = '';

/**
 * NFKC, full case folding, no invisible characters, and look-alike letters mapped to the letters
 * they pass for (confusable-letters.ts, then Unicode's data in unicode-confusables.ts).
 * Equal keys mean "the same name" even for names `checkName` refuses.
 */
export function nameKey(name: string): string {
	if (ASCII.test(name)) return name.toLowerCase();
	if (name === lastName) return lastKey;
	const compatible = name.normalize('NFKC');
	const folded = foldCase(compatible)
		.replace(IGNORABLE, '')
		// The Turkish capital `İ` folds to `i` plus a combining dot: the same letter as `i` here.
		.replace(/([ij])\u0307/g, '$1')
		.normalize('NFKC');
	let key = folded;
	for (let round = 0; round < MAX_KEY_ROUNDS; round++) {
		const mapped = mapLookalikes(key, compatible);
		if (mapped === key) break;
		// A mapped letter may now compose with a following mark (Cyrillic `о` + acute → `ó`).
		key = mapped.normalize('NFKC');
	}

	lastKey = key;
	lastName = name;
	return lastKey;
}

/** `text` with each look-alike letter replaced; the same string when none is. */
function mapLookalikes(text: string, compatible: string): string {
	let key = '';
	let mapped = false;
	let stroke: string | undefined;
	for (const character of text) {
		let latin = latinLookalike(character) ?? confusableOf(character);
		if (latin === STROKE) latin = stroke ??= strokeReading(compatible);
		mapped ||= latin !== undefined;
		key += latin ?? character;
	}

	return mapped ? key : text;
}
