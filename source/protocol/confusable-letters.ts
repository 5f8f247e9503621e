// Letters of other scripts that look like Latin ones, for the name comparison key (docs/protocol.md
// "Names"). Checked before Unicode's own data (unicode-confusables.ts), which backs it for every
// letter not listed here; this table holds the judgements that data makes otherwise.
//
// The key is case-folded before this table applies, so both cases of a letter share one entry;
// where the two cases look like different Latin letters (Greek `Ν`/`ν`: N/v) the capital wins,
// because all-capital names are where look-alikes are perfect. Digits are left alone on purpose:
// `0`/`o` and `1`/`l` are both common in real names, and a look-alike name still needs letters of
// another script, which this table catches. Full-width `Ａ`, mathematical `𝐀` and the long s `ſ`
// need no entry: NFKC already folds them.

// prettier-ignore
const TABLE: Record<string, string> = {
	// Cyrillic
	а: 'a', в: 'b', г: 'r', е: 'e', ё: 'ë', і: 'i', ї: 'ï', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o',
	п: 'n', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ь: 'b', ѕ: 's', һ: 'h', ӏ: 'l', ү: 'y',
	ԁ: 'd', ԍ: 'g', ԛ: 'q', ԝ: 'w', ѵ: 'v', ꙅ: 's',
	// Greek
	α: 'a', β: 'b', γ: 'y', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o',
	ρ: 'p', τ: 't', υ: 'y', χ: 'x', ω: 'w', ϝ: 'f', ϳ: 'j',
	// Armenian
	հ: 'h', ո: 'n', ս: 'u', տ: 's', ց: 'g', զ: 'q', օ: 'o',
	// Latin letters that pass for plainer ones
	ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɪ: 'i', ʏ: 'y', ʀ: 'r', ʜ: 'h', ɢ: 'g', ʟ: 'l',
	ɴ: 'n', ƅ: 'b', ɋ: 'q', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ᴊ: 'j', ᴋ: 'k', ᴍ: 'm', ᴏ: 'o',
	ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ꜱ: 's',
	// Cherokee (capitals; folding turns them into the small letters, handled below)
	Ꭺ: 'a', Ᏼ: 'b', Ꮯ: 'c', Ꭼ: 'e', Ꮐ: 'g', Ꮋ: 'h', Ꭻ: 'j', Ꮶ: 'k', Ꮮ: 'l', Ꮇ: 'm', Ꮲ: 'p',
	Ꭱ: 'r', Ꮪ: 's', Ꭲ: 't', Ꮩ: 'v', Ꮃ: 'w', Ꮓ: 'z',
};

/** Case folding as the name key does it: full folding (`ß` and `ẞ` → `ss`), then lowercase. */
export function foldCase(text: string): string {
	return text.toLowerCase().toUpperCase().toLowerCase();
}

const LOOKALIKES = new Map<string, string>(
	Object.entries(TABLE).map(([letter, latin]) => [foldCase(letter), latin]),
);

/** The Latin letter a case-folded `letter` passes for by this table, or undefined. */
export function latinLookalike(letter: string): string | undefined {
	return LOOKALIKES.get(letter);
}

/** The table as written (letter → Latin), for tests. */
export const CONFUSABLE_LETTERS: Readonly<Record<string, string>> = TABLE;
