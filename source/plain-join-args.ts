// The everyday `chat join NAME@HOST [--tls] [--no-follow] [--no-bell]`, read without meow:
// loading meow (it reads and normalises package.json) delays the first frame by about 20 ms.
import type {JoinOptions} from './join/run-join.js';

/** The flags a plain join line may carry, each as typed, and what it sets. */
const PLAIN_JOIN_FLAGS = new Map<string, Partial<JoinOptions>>([
	['--tls', {tls: true}],
	['--no-tls', {tls: false}],
	['--follow', {follow: true}],
	['--no-follow', {follow: false}],
	['--bell', {bell: true}],
	['--no-bell', {bell: false}],
]);

/**
 * The options of a plain `chat join` line; undefined for every other line (other commands,
 * help, `--`, repeated or unknown flags, `true`/`false` that meow would take as a flag's value,
 * no address or two), which goes to the full parser. On the lines accepted here both agree.
 */
export function plainJoinOptions(argv: readonly string[]): JoinOptions | undefined {
	const [command, ...rest] = argv;
	if (command !== 'join') return undefined;
	const options: JoinOptions = {address: '', follow: true, bell: true, tls: false};
	const given = new Set<string>();
	const addresses: string[] = [];
	for (const token of rest) {
		const flag = PLAIN_JOIN_FLAGS.get(token);
		if (flag !== undefined) {
			const key = Object.keys(flag)[0] ?? '';
			if (given.has(key)) return undefined;
			given.add(key);
			Object.assign(options, flag);
		} else if (token.startsWith('-') || token === 'true' || token === 'false') {
			return undefined;
		} else {
			addresses.push(token);
		}
	}

	const [address, ...extra] = addresses;
	if (address === undefined || extra.length > 0) return undefined;
	return {...options, address};
}
