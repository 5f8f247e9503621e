import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {keysMarkdown} from '../source/ui/keys/keys-markdown.js';

/** Table rows as trimmed cells, so the comparison ignores how Prettier aligned the columns. */
function tableRows(markdown: string): string[] {
	return markdown
		.split('\n')
		.filter((line) => line.startsWith('|') && !/^\|[\s|-]+\|$/.test(line))
		.map((line) =>
			line
				.slice(1, -1)
				.split(/(?<!\\)\|/)
				.map((cell) => cell.trim())
				.join(' | '),
		);
}

test("the readme's Keys section is the keymap (regenerate: node --import tsx source/ui/keys/keys-markdown.ts)", () => {
	const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
	const section = /^## Keys\n([^]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
	assert.notEqual(section, '', 'the readme has a Keys section');
	assert.deepEqual(tableRows(section), tableRows(keysMarkdown()));
	for (const paragraph of keysMarkdown()
		.split('\n\n')
		.filter((block) => !block.startsWith('|'))) {
		assert.ok(section.includes(paragraph), `the Keys section says: ${paragraph}`);
	}
});
