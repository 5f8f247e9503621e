// What a flag of `chat` can be (a number for a host limit, a word, a switch) and what follows
// from its entry in the flag table: its commands, the name people type, whether it takes a value.

import type {HostOptions} from '../host/host-options.js';

/** The commands of `chat`; each has its own `--help`. */
export type Command = 'host' | 'join' | 'log';

/** The blocks of `chat --help`; each belongs to a command, but `general` to every command. */
export type HelpSection = 'limits' | 'access' | 'cluster' | 'join' | 'log' | 'general';

export const SECTION_COMMAND: Readonly<Record<HelpSection, Command | undefined>> = {
	limits: 'host',
	access: 'host',
	cluster: 'host',
	join: 'join',
	log: 'log',
	general: undefined,
};

type NumberOption = {
	[K in keyof HostOptions]-?: NonNullable<HostOptions[K]> extends number ? K : never;
}[keyof HostOptions];

type FlagBase = {
	/** As meow camel-cases it; typed kebab-cased (`maxPerAddress` is `--max-per-address`). */
	key: string;
	/** Its help line in each block it is listed in; `{default}` stands for its default. */
	help: Partial<Record<HelpSection, string>>;
};

/** A number for a host limit; its default is the host's own (HOST_DEFAULTS), in this flag's unit. */
export type NumberFlag = FlagBase & {
	kind: 'number';
	option: NumberOption;
	/** The unit the help names (`--port N`). */
	unit: 'N' | 'S' | 'KIB';
	/** Multiplies what the user types into the option's unit (seconds to ms, KiB to bytes). */
	scale: number;
	min: number;
	max?: number;
	integer: boolean;
};

/** A word as typed (an address, a password, a file). */
type TextFlag = FlagBase & {
	kind: 'text';
	unit: 'ADDRESS' | 'P' | 'FILE' | 'URL' | 'N';
	default?: string;
};

/** On or off; a negatable one that is on by default is listed as `--no-flag`. */
export type SwitchFlag = FlagBase & {
	kind: 'switch';
	negatable: boolean;
	default: boolean;
	/** The one-letter form (`-h`). */
	short?: string;
};

export type Flag = NumberFlag | TextFlag | SwitchFlag;

/** `maxPerAddress` as typed: `--max-per-address`. */
export function kebab(key: string): string {
	return '--' + key.replaceAll(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

/** `follow` turned off: `--no-follow`. */
export function negatedKebab(key: string): string {
	return '--no-' + kebab(key).slice(2);
}

/** The commands that take the flag; empty for the ones every command has (--help, --version). */
export function commandsOf(flag: Flag): Command[] {
	const sections = Object.keys(flag.help) as HelpSection[];
	return [...new Set(sections.flatMap((section) => SECTION_COMMAND[section] ?? []))];
}

export function takesValue(flag: Flag): boolean {
	return flag.kind !== 'switch';
}

export function isNegatable(flag: Flag): boolean {
	return flag.kind === 'switch' && flag.negatable;
}
