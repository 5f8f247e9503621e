// Turns Unicode's look-alike data (UTS #39 confusables.txt, as the unhomoglyph package ships it)
// into the table the name key reads (source/protocol/unicode-lookalikes.json): each case-folded
// letter or mark a name can hold, mapped to the case-folded letters it passes for.
// scripts/generate-lookalikes.ts writes the table; a test checks it is up to date.

import {foldCase, latinLookalike} from '../source/protocol/confusable-letters.js';

export type LookalikeTable = {
	/** Folded letter → the folded letters it passes for; the hand table's letters resolved. */
	lookalikes: Record<string, string>;
	/** Uncased vertical strokes (`ǀ`, Lisu `ꓲ`): UTS #39 maps them to `l`, but they also pass for `I`. */
	strokes: string;
	/** Uncased letters that pass for a capital Latin letter (Lisu `ꓮ` for `A`). */
	capitalShaped: string;
	/** Uncased letters that pass for a small Latin letter (Armenian `օ` for `o`). */
	smallShaped: string;
};

/** How often a prototype's letters are looked up again before a chain counts as a loop. */
const MAX_RESOLVE_ROUNDS = 8;

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const ASCII = /^[\x00-\x7f]*$/;

function uncased(character: string): boolean {
	return character.toLowerCase() === character && character.toUpperCase() === character;
}

/** Folds as the name key does before it looks letters up: NFKC, case folding, NFKC. */
function foldForKey(text: string): string {
	return foldCase(text.normalize('NFKC')).normalize('NFKC');
}

export function buildLookalikeTable(confusables: Record<string, string>): LookalikeTable {
	const raw = new Map<string, string>();
	let strokes = '';
	let capitalShaped = '';
	let smallShaped = '';
	for (const [source, prototype] of Object.entries(confusables)) {
		// ASCII stays itself (`0`/`O`, `1`/`l` and `rn`/`m` are all common in real names), only
		// what a name can hold matters, and what NFKC changes never reaches the lookup.
		if (ASCII.test(source) || !LETTER_OR_MARK.test(source)) continue;
		if (source.normalize('NFKC') !== source) continue;
		const folded = foldForKey(source);
		if (ASCII.test(folded) || [...folded].length !== 1) continue;
		if (uncased(source)) {
			if (prototype === 'l') strokes += folded;
			else if (/^[A-Z]/.test(prototype)) capitalShaped += folded;
			else if (/^[a-z]/.test(prototype)) smallShaped += folded;
		}

		// Where both cases have entries the capital's wins: all-capital names are where look-alikes
		// are perfect (Greek `Ν` passes for N, `ν` for v).
		const capital = source.toLowerCase() !== source;
		if (!capital && raw.has(folded)) continue;
		raw.set(folded, foldCase(prototype).replaceAll('rn', 'm'));
	}

	const replace = (character: string): string =>
		latinLookalike(character) ?? raw.get(character) ?? character;
	const step = (text: string): string => [...text].map(replace).join('');

	const lookalikes: Record<string, string> = {};
	for (const letter of [...raw.keys()].sort()) {
		// Follow the chain to a fixed point; a loop (`й` ↔ `ѝ`) settles on its smallest member.
		const seen = [letter];
		let current = step(letter);
		for (let round = 0; round < MAX_RESOLVE_ROUNDS && !seen.includes(current); round++) {
			seen.push(current);
			current = step(current);
		}

		const loop = seen.slice(seen.indexOf(current));
		const settled = seen.includes(current) ? (loop.sort()[0] ?? current) : current;
		if (settled !== letter && !strokes.includes(letter)) lookalikes[letter] = settled;
	}

	return {lookalikes, strokes, capitalShaped, smallShaped};
}
