// Which code points are combining marks or invisible, for the text cleaner's loop
// (visible-text.ts): a table lookup, because V8 scans a text for a large class such as `\p{M}`
// far slower than for a small one. The tables come from the runtime's own Unicode properties, a
// block of 1,024 code points at a time, when a text first uses that block.

export const MARK = 1;
/** Default_Ignorable_Code_Point (DerivedCoreProperties.txt), and the annotation anchors (Cf). */
export const INVISIBLE = 2;
/** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. */
export const LINE_SEPARATOR = 4;

const IS_MARK = /^\p{M}$/u;
const IS_INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]$/u;
const BLOCK_BITS = 10;
const BLOCK_SIZE = 1 << BLOCK_BITS;

/** Kinds of the BMP, filled a block at a time; `bmpBlockReady` says which blocks are. */
const bmpKinds = new Uint8Array(0x1_00_00);
const bmpBlockReady = new Uint8Array(0x1_00_00 >> BLOCK_BITS);
/** Per block beyond the BMP: its kinds, null when it holds none of them, undefined until asked. */
const astralBlocks: Array<Uint8Array | null | undefined> = [];

function fillBlock(block: number, kinds: Uint8Array, at: number): boolean {
	let any = false;
	for (let offset = 0; offset < BLOCK_SIZE; offset++) {
		const codePoint = block * BLOCK_SIZE + offset;
		if (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) continue; // surrogates: never alone here
		const character = String.fromCodePoint(codePoint);
		let kind = IS_MARK.test(character) ? MARK : 0;
		if (IS_INVISIBLE.test(character)) kind |= INVISIBLE;
		if (codePoint === 0x20_28 || codePoint === 0x20_29) kind |= LINE_SEPARATOR;
		kinds[at + offset] = kind;
		any ||= kind !== 0;
	}

	return any;
}

/** MARK, INVISIBLE and LINE_SEPARATOR bits of a code point (0 for most). */
export function kindOf(codePoint: number): number {
	const block = codePoint >> BLOCK_BITS;
	if (codePoint < 0x1_00_00) {
		if (bmpBlockReady[block] === 0) {
			fillBlock(block, bmpKinds, block * BLOCK_SIZE);
			bmpBlockReady[block] = 1;
		}

		return bmpKinds[codePoint] ?? 0;
	}

	let kinds = astralBlocks[block];
	if (kinds === undefined) {
		const filled = new Uint8Array(BLOCK_SIZE);
		kinds = fillBlock(block, filled, 0) ? filled : null;
		astralBlocks[block] = kinds;
	}

	return kinds === null ? 0 : (kinds[codePoint & (BLOCK_SIZE - 1)] ?? 0);
}
