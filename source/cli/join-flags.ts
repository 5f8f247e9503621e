// The `chat join` switches, as both parsers read them: what a plain line may carry, and how the
// switches given become JoinOptions, with the table's defaults for the rest.

import type {JoinOptions} from '../join/run-join.js';
import {type SwitchFlag, commandsOf, kebab, negatedKebab} from './flag-kinds.js';
import {FLAG_BY_KEY, FLAGS} from './flag-table.js';

/** The switches of `chat join` (not --help or --version, which every command has). */
const JOIN_SWITCHES = FLAGS.filter(
	(flag): flag is SwitchFlag => flag.kind === 'switch' && commandsOf(flag).includes('join'),
);

function switchValue(key: string, flags: Readonly<Record<string, unknown>>): boolean {
	const given = flags[key];
	if (typeof given === 'boolean') return given;
	const flag = FLAG_BY_KEY.get(key);
	return flag?.kind === 'switch' && flag.default;
}

/** JoinOptions from the switches given (camel-cased, as meow names them). */
export function joinOptionsFromFlags(
	address: string,
	flags: Readonly<Record<string, unknown>>,
): JoinOptions {
	return {
		address,
		follow: switchValue('follow', flags),
		bell: switchValue('bell', flags),
		tls: switchValue('tls', flags),
	};
}

/** Each switch as typed, `--tls` and `--no-tls`, and the key and value it gives. */
export const JOIN_SWITCH_TOKENS: ReadonlyMap<string, readonly [string, boolean]> = new Map(
	JOIN_SWITCHES.flatMap((flag): Array<[string, readonly [string, boolean]]> => {
		const on: [string, readonly [string, boolean]] = [kebab(flag.key), [flag.key, true]];
		return flag.negatable ? [on, [negatedKebab(flag.key), [flag.key, false]]] : [on];
	}),
);
