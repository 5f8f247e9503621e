// The text of `chat --help`, its flag blocks written from the flag table so the help and the
// parsers cannot disagree. Meow indents it and puts the package's description above it.

import {DEFAULT_PORT} from '../protocol/limits.js';
import {type Flag, type HelpSection, kebab, negatedKebab} from './flag-kinds.js';
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

const [limitLines = []] = helpLines(['limits'], 2);
const [accessLines = []] = helpLines(['access'], 2);
// The join block and the flags of every command share one column, one space past the widest.
const [joinLines = [], generalLines = []] = helpLines(['join', 'general'], 1);

export const USAGE = `
Usage
  $ chat host [options]             run the relay others join
  $ chat join NAME@HOST[:PORT]      chat as NAME through the relay at HOST (port ${DEFAULT_PORT})
  $ chat names [--data DIR]         list the names owned on this host, with their keys
  $ chat names release NAME         free NAME for anyone (its waiting messages go too)

Host options
${limitLines.join('\n')}

Who gets in (chat host)
${accessLines.join('\n')}

Join options
${joinLines.join('\n')}

${generalLines.join('\n')}

Examples
  $ chat host
  $ chat join alice@192.168.1.7
  $ nc 192.168.1.7 ${DEFAULT_PORT}        (netcat works too: type your name first)
`;
