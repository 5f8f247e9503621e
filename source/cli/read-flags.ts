// Reads the flags of a `chat` command line as typed, before meow parses it: meow throws on a
// repeated flag and quietly takes `--tls=yes` or a missing value, and each needs one sentence.

/** What a flag (camel-cased, as meow names it) takes and which commands have it. */
export type FlagRule = {
	takesValue: boolean;
	/** Whether `--no-flag` turns it off. */
	negatable: boolean;
	/** The commands it belongs to; empty for the ones every command has (--help, --version). */
	commands: readonly string[];
};

export type FlagTable = ReadonlyMap<string, FlagRule>;

export type ReadFlags = {
	/** The first word that is neither a flag nor a flag's value. */
	command: string | undefined;
	/** The flags given, camel-cased (`h` and `v` as `help` and `version`). */
	given: ReadonlySet<string>;
	/** The first thing wrong, as one sentence; undefined when every flag is fine. */
	problem: string | undefined;
};

const SHORT_FLAGS = new Map([
	['h', 'help'],
	['v', 'version'],
]);

export function kebab(key: string): string {
	return '--' + key.replaceAll(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

function camel(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `-x` or `--x`, but not `-`, `--` or a negative number (meow takes those as values). */
function looksLikeFlag(token: string): boolean {
	return token.startsWith('-') && token !== '-' && token !== '--' && !/^-\d/.test(token);
}

export function readFlags(argv: readonly string[], table: FlagTable): ReadFlags {
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
		const negated = name.startsWith('no-') && table.get(camel(name.slice(3)))?.negatable === true;
		const key = camel(negated ? name.slice(3) : name);
		const rule = table.get(key);
		if (rule === undefined || /[^a-z\d-]/.test(name)) {
			unknown.push(`unknown flag --${name}`);
			continue;
		}

		if (given.has(key)) problems.push(`${kebab(key)} is given twice; give it once`);
		if (!rule.takesValue) {
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
	const commands = new Set([...table.values()].flatMap((rule) => rule.commands));
	const misplaced = [...given].filter((key) => {
		const owners = table.get(key)?.commands ?? [];
		return owners.length > 0 && commands.has(command ?? '') && !owners.includes(command ?? '');
	});
	const problem =
		unknown[0] ??
		(misplaced[0] === undefined
			? problems[0]
			: `${kebab(misplaced[0])} is not an option of chat ${command ?? ''}`);
	return {command, given, problem};
}
