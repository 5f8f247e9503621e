// The everyday `chat join NAME@HOST [--tls] [--no-follow] [--no-bell]`, read without meow:
// loading meow (it reads and normalises package.json) delays the first frame. It reads the same
// flag table and defaults as the full parser (join-flags.ts).
import type {JoinOptions} from '../join/run-join.js';
import {JOIN_SWITCH_TOKENS, joinOptionsFromFlags} from './join-flags.js';

/**
 * The options of a plain `chat join` line; undefined for every other line (other commands,
 * help, `--`, repeated or unknown flags, `true`/`false` that meow would take as a flag's value,
 * no address or two), which goes to the full parser. On the lines accepted here both agree.
 */
export function plainJoinOptions(argv: readonly string[]): JoinOptions | undefined {
	const [command, ...rest] = argv;
	if (command !== 'join') return undefined;
	const switches = new Map<string, boolean>();
	const addresses: string[] = [];
	for (const token of rest) {
		const given = JOIN_SWITCH_TOKENS.get(token);
		if (given !== undefined) {
			const [key, value] = given;
			if (switches.has(key)) return undefined;
			switches.set(key, value);
		} else if (token.startsWith('-') || token === 'true' || token === 'false') {
			return undefined;
		} else {
			addresses.push(token);
		}
	}

	const [address, ...extra] = addresses;
	if (address === undefined || extra.length > 0) return undefined;
	return joinOptionsFromFlags(address, Object.fromEntries(switches));
}
