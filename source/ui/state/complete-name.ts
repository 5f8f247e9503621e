// Tab completion of a user name after `to:` or `/to `, cycling through matches on repeated Tab.
import {nameKey} from '../../protocol/name-rules.js';
import type {InputLine} from './input-editing.js';

/** The command prefixes after which a user name is completed. */
const PREFIXES = [/^(\s*to:\s*)(\S*)$/, /^(\s*\/to\s+)(\S*)$/];

export type Completion = {
	/** What the user had typed before the first Tab; matches are taken against it. */
	stem: string;
	prefix: string;
	matches: readonly string[];
	index: number;
};

/**
 * Completes the name before the cursor. `previous` is the completion the last Tab made, if the
 * line has not changed since; then Tab moves on to the next match.
 */
export function completeName(
	line: InputLine,
	names: readonly string[],
	previous: Completion | undefined,
): {line: InputLine; completion: Completion} | undefined {
	if (previous && previous.matches.length > 0) {
		const index = (previous.index + 1) % previous.matches.length;
		const text = previous.prefix + (previous.matches[index] ?? '');
		return {line: {text, cursor: text.length}, completion: {...previous, index}};
	}
	if (line.cursor !== line.text.length) return undefined;
	for (const pattern of PREFIXES) {
		const match = pattern.exec(line.text);
		if (!match) continue;
		const [, prefix = '', stem = ''] = match;
		const matches = names.filter((name) => nameKey(name).startsWith(nameKey(stem)));
		if (matches.length === 0) return undefined;
		const text = prefix + (matches[0] ?? '');
		return {line: {text, cursor: text.length}, completion: {stem, prefix, matches, index: 0}};
	}
	return undefined;
}
