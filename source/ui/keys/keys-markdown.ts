// The readme's "Keys" section, generated from the same rows as the help overlay.
// Print it with: node --import tsx source/ui/keys/keys-markdown.ts
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {helpRows} from './help-rows.js';

const INTRODUCTIONS: Record<string, string> = {
	Keys: 'The chat screen, as its F1 help shows it:',
	Commands: 'Typed in the input line:',
	Editing: 'Editing the input line, on whole characters (an emoji or a CJK character is one):',
};

const HEADERS: Record<string, string> = {Keys: 'key', Commands: 'command', Editing: 'key'};

const cell = (text: string) => text.replaceAll('|', String.raw`\|`);

export function keysMarkdown(): string {
	const blocks: string[] = [];
	let rows: string[] = [];
	const flush = () => {
		if (rows.length > 0) blocks.push(rows.join('\n'));
		rows = [];
	};
	for (const row of helpRows) {
		if ('heading' in row) {
			flush();
			blocks.push(INTRODUCTIONS[row.heading] ?? row.heading);
			rows.push(`| ${HEADERS[row.heading] ?? 'key'} | action |`, '| --- | --- |');
		} else {
			rows.push(`| ${cell(row.keys)} | ${cell(row.description)} |`);
		}
	}
	flush();
	return blocks.join('\n\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${keysMarkdown()}\n`);
