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
	const options: JoinOptions = {
		address,
		follow: switchValue('follow', flags),
		bell: switchValue('bell', flags),
		tls: switchValue('tls', flags),
	};
	// Named only when given, so the everyday options stay as they were.
	if (!switchValue('history', flags)) options.history = false;
	const days = historyDaysOf(flags);
	if (typeof days === 'number') options.historyDays = days;
	return options;
}

/** --history-days N: a whole number of days, at least one; a sentence when it is not. */
export function historyDaysOf(
	flags: Readonly<Record<string, unknown>>,
): number | {error: string} | undefined {
	const given = flags['historyDays'];
	if (typeof given !== 'string') return undefined;
	const days = Number(given);
	if (!Number.isInteger(days) || days < 1) {
		return {error: `--history-days needs a whole number of days, 1 or more, not '${given}'`};
	}
	return days;
}

/** Each switch as typed, `--tls` and `--no-tls`, and the key and value it gives. */
export const JOIN_SWITCH_TOKENS: ReadonlyMap<string, readonly [string, boolean]> = new Map(
	JOIN_SWITCHES.flatMap((flag): Array<[string, readonly [string, boolean]]> => {
		const on: [string, readonly [string, boolean]] = [kebab(flag.key), [flag.key, true]];
		return flag.negatable ? [on, [negatedKebab(flag.key), [flag.key, false]]] : [on];
	}),
);
