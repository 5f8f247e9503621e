// Writes source/protocol/unicode-lookalikes.json from the unhomoglyph package's copy of UTS #39
// confusables.txt: `node --import tsx scripts/generate-lookalikes.ts` after updating the package
// or editing source/protocol/confusable-letters.ts (test/protocol-unicode-lookalikes.test.ts
// fails until then).

import {writeFileSync} from 'node:fs';
import confusables from 'unhomoglyph/data.json' with {type: 'json'};
import {buildLookalikeTable} from './lookalike-table.js';

export const TABLE_FILE = new URL('../source/protocol/unicode-lookalikes.json', import.meta.url);

/** The file's text: one entry a line, so a data update reads as a short diff. */
export function lookalikeTableText(): string {
	return JSON.stringify(buildLookalikeTable(confusables), null, '\t') + '\n';
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
	writeFileSync(TABLE_FILE, lookalikeTableText());
}
