// Reads the `chat host` limit flags (docs/protocol.md "Limits") into HostOptions, in the limits'
// own units, by the rules of the flag table; or one sentence naming the flag.

import type {HostOptions} from '../host/host-options.js';
import {type NumberFlag, kebab} from './flag-kinds.js';
import {FLAGS} from './flag-table.js';

const NUMBER_FLAGS = FLAGS.filter((flag): flag is NumberFlag => flag.kind === 'number');

const WHOLE_NUMBER = /^-?\d+$/;
const DECIMAL_NUMBER = /^-?\d+(?:\.\d+)?$/;

type FlagsResult = {ok: true; options: HostOptions} | {ok: false; error: string};

/** Reads the limit flags (strings as typed, or undefined) into HostOptions, or one error sentence. */
export function hostOptionsFromFlags(flags: Readonly<Record<string, unknown>>): FlagsResult {
	const options: HostOptions = {};
	for (const flag of NUMBER_FLAGS) {
		const raw = flags[flag.key];
		if (raw === undefined) continue;
		const text = String(raw).trim();
		const value = Number(text);
		const name = kebab(flag.key);
		const kind = flag.integer ? 'a whole number' : 'a number';
		// Digits as people write them: Number() alone would also take 0x10 and 1e3.
		if (!(flag.integer ? WHOLE_NUMBER : DECIMAL_NUMBER).test(text)) {
			return {ok: false, error: `${name} needs ${kind}, not '${String(raw)}'`};
		}

		if (value < flag.min || (flag.max !== undefined && value > flag.max)) {
			const range = flag.max === undefined ? `at least ${flag.min}` : `${flag.min} to ${flag.max}`;
			return {ok: false, error: `${name} must be ${range}, not ${text}`};
		}

		// ms and bytes are whole; a rate may be a fraction of a line a second.
		options[flag.option] = flag.scale === 1 ? value : Math.round(value * flag.scale);
	}

	if (flags['bind'] !== undefined) {
		const bind = String(flags['bind']).trim();
		if (bind === '')
			return {ok: false, error: '--bind needs an address, for example --bind 127.0.0.1'};
		options.bind = bind;
	}

	return {ok: true, options};
}
