// Unicode's look-alike data (UTS #39 confusables.txt) for the name key (docs/protocol.md "Names"),
// from the table scripts/generate-lookalikes.ts makes out of the unhomoglyph package's copy.

import table from './unicode-lookalikes.json' with {type: 'json'};

/** What `confusableOf` returns for a vertical stroke (`ǀ`, Lisu `ꓲ`): `I` or `l` by its company. */
export const STROKE = '\u0000';

const SMALL = /\p{Ll}/u;
const CAPITAL = /[\p{Lu}\p{Lt}]/u;

type Lookups = {lookalikes: Map<string, string>; capitals: Set<string>; smalls: Set<string>};

/** Made on the first name outside ASCII: most hosts never need it. */
let lookups: Lookups | undefined;

function load(): Lookups {
	const lookalikes = new Map(Object.entries(table.lookalikes));
	for (const stroke of table.strokes) lookalikes.set(stroke, STROKE);
	return {
		lookalikes,
		capitals: new Set(table.capitalShaped),
		smalls: new Set(table.smallShaped),
	};
}

/** The letters a case-folded `letter` passes for, STROKE, or undefined when it passes for none. */
export function confusableOf(letter: string): string | undefined {
	lookups ??= load();
	return lookups.lookalikes.get(letter);
}

/**
 * How a vertical stroke reads in `name` (NFKC, not yet case-folded): UTS #39 maps every stroke to
 * `l`, but among capitals it passes for `I`, which the key has folded to `i`.
 */
export function strokeReading(name: string): 'i' | 'l' {
	lookups ??= load();
	let capitals = false;
	for (const character of name) {
		if (SMALL.test(character) || lookups.smalls.has(character)) return 'l';
		capitals ||= CAPITAL.test(character) || lookups.capitals.has(character);
	}

	return capitals ? 'i' : 'l';
}
