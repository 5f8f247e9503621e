// The text of `chat --help` and of `chat COMMAND --help`, its flag blocks written from the flag
// table so the help and the parsers cannot disagree: a flag shows in the help of each command
// its table entry names. Meow indents it and puts the package's description above it.

import {COMMAND_HELP, SECTION_TITLES} from './command-help.js';
import {
	type Command,
	type Flag,
	type HelpSection,
	SECTION_COMMAND,
	kebab,
	negatedKebab,
} from './flag-kinds.js';
import {FLAGS, shownDefault} from './flag-table.js';

const INDENT = '  ';

/** `--port N`, `--tls`, or `--no-follow` for a switch that is on unless turned off. */
function usageOf(flag: Flag): string {
	if (flag.kind !== 'switch') return `${kebab(flag.key)} ${flag.unit}`;
	return flag.negatable && flag.default ? negatedKebab(flag.key) : kebab(flag.key);
}

/**
 * The help lines of the blocks given, in table order, aligned together: usage, `gap` spaces at
 * least, help. One list of lines per block.
 */
export function helpLines(sections: readonly HelpSection[], gap: number): string[][] {
	const blocks = sections.map((section) =>
		FLAGS.flatMap((flag) => {
			const help = flag.help[section];
			if (help === undefined) return [];
			return [[usageOf(flag), help.replace('{default}', shownDefault(flag) ?? '')] as const];
		}),
	);
	const width = Math.max(...blocks.flat().map(([usage]) => usage.length)) + gap;
	return blocks.map((rows) => rows.map(([usage, help]) => INDENT + usage.padEnd(width) + help));
}

const SECTIONS = Object.keys(SECTION_COMMAND) as HelpSection[];
const COMMANDS = Object.keys(COMMAND_HELP) as Command[];

/** The blocks of flags of one command, each under its title, aligned apart. */
function commandBlocks(command: Command): string[] {
	return SECTIONS.filter((section) => SECTION_COMMAND[section] === command).map((section) => {
		const [lines = []] = helpLines([section], 2);
		return `${SECTION_TITLES[section]}\n${lines.join('\n')}`;
	});
}

const [generalLines = []] = helpLines(['general'], 2);
const GENERAL_BLOCK = `Every command\n${generalLines.join('\n')}`;

function indented(lines: readonly string[]): string {
	return lines.map((line) => INDENT + line).join('\n');
}

/** `chat --help`: every command and all its flags. */
export const USAGE = `
Usage
${indented(COMMANDS.map((command) => COMMAND_HELP[command].usage))}
  (chat COMMAND --help shows the options of one command)

${[...COMMANDS.flatMap((command) => commandBlocks(command)), GENERAL_BLOCK].join('\n\n')}

Examples
${indented(COMMANDS.flatMap((command) => COMMAND_HELP[command].examples.slice(0, 2)))}
`;

/** `chat COMMAND --help`: that command's usage, its flags only, and its examples. */
export function commandUsage(command: Command): string {
	const help = COMMAND_HELP[command];
	return `
Usage
${indented([help.usage])}

${indented(help.notes)}

${[...commandBlocks(command), GENERAL_BLOCK].join('\n\n')}

Examples
${indented(help.examples)}
`;
}
