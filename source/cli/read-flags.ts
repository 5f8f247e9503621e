// Reads the flags of a `chat` command line as typed, before meow parses it: meow throws on a
// repeated flag and quietly takes `--tls=yes` or a missing value, and each needs one sentence.

import {commandsOf, isNegatable, kebab, takesValue} from './flag-kinds.js';
import {FLAGS, FLAG_BY_KEY} from './flag-table.js';

type ReadFlags = {
	/** The flags given, camel-cased (`h` and `v` as `help` and `version`). */
	given: ReadonlySet<string>;
	/** The first thing wrong, as one sentence; undefined when every flag is fine. */
	problem: string | undefined;
	/** The first word that is no flag or flag value: the command, if one was typed. */
	command: string | undefined;
};

const SHORT_FLAGS = new Map(
	FLAGS.flatMap((flag) =>
		flag.kind === 'switch' && flag.short !== undefined ? [[flag.short, flag.key] as const] : [],
	),
);

/** Every command some flag belongs to: a flag of another one is misplaced, not unknown. */
const COMMANDS = new Set<string>(FLAGS.flatMap((flag) => commandsOf(flag)));

function camel(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `-x` or `--x`, but not `-`, `--` or a negative number (meow takes those as values). */
function looksLikeFlag(token: string): boolean {
	return token.startsWith('-') && token !== '-' && token !== '--' && !/^-\d/.test(token);
}

export function readFlags(argv: readonly string[]): ReadFlags {
	const given = new Set<string>();
	const words: string[] = [];
	// A flag that does not exist is worth saying before what is wrong with one that does.
	const unknown: string[] = [];
	const problems: string[] = [];

	for (let index = 0; index < argv.length; index++) {
		const token = argv[index] ?? '';
		if (token === '--') {
			words.push(...argv.slice(index + 1));
			break;
		}

		if (!looksLikeFlag(token)) {
			words.push(token);
			continue;
		}

		if (!token.startsWith('--')) {
			for (const letter of token.slice(1)) {
				const key = SHORT_FLAGS.get(letter);
				if (key === undefined) unknown.push(`unknown flag -${letter}`);
				else given.add(key);
			}

			continue;
		}

		const equals = token.indexOf('=');
		const name = equals === -1 ? token.slice(2) : token.slice(2, equals);
		const inline = equals === -1 ? undefined : token.slice(equals + 1);
		const negatedFlag = name.startsWith('no-') ? FLAG_BY_KEY.get(camel(name.slice(3))) : undefined;
		const negated = negatedFlag !== undefined && isNegatable(negatedFlag);
		const key = camel(negated ? name.slice(3) : name);
		const flag = FLAG_BY_KEY.get(key);
		if (flag === undefined || /[^a-z\d-]/.test(name)) {
			unknown.push(`unknown flag --${name}`);
			continue;
		}

		if (given.has(key)) problems.push(`${kebab(key)} is given twice; give it once`);
		if (!takesValue(flag)) {
			if (inline === undefined) given.add(key);
			else problems.push(`--${name} takes no value`);
			continue;
		}

		given.add(key);

		let value = inline;
		if (value === undefined && index + 1 < argv.length && !looksLikeFlag(argv[index + 1] ?? '')) {
			index++;
			value = argv[index];
		}

		if (value === undefined || value.trim() === '') problems.push(`${kebab(key)} needs a value`);
	}

	const command = words[0];
	const misplaced = [...given].filter((key) => {
		const flag = FLAG_BY_KEY.get(key);
		const owners: readonly string[] = flag === undefined ? [] : commandsOf(flag);
		return owners.length > 0 && COMMANDS.has(command ?? '') && !owners.includes(command ?? '');
	});
	const problem =
		unknown[0] ??
		(misplaced[0] === undefined
			? problems[0]
			: `${kebab(misplaced[0])} is not an option of chat ${command ?? ''}`);
	return {given, problem, command};
}
