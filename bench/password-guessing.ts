// Password throttling figures (issue 13), by hand, not in `npm test`:
//
//   node --import tsx bench/password-guessing.ts [--baseline DIR] [--connections 60] [--window 20]
//        [--storm 200] [-- HOST FLAGS…]
//
// Each checkout's `chat host` runs with its default delays; a fresh host per attack.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {hangUpStorm, parallelGuessing} from './password-attacks.js';
import {startPasswordHost} from './password-host.js';

const {values, positionals} = parseArgs({
	options: {
		baseline: {type: 'string'},
		connections: {type: 'string', default: '60'},
		window: {type: 'string', default: '20'},
		storm: {type: 'string', default: '200'},
	},
	allowPositionals: true,
});
const connections = Number(values.connections);
const windowMs = Number(values.window) * 1000;
const storm = Number(values.storm);
const hostFlags = positionals;

const checkouts: Array<{label: string; dir: string}> = [
	{label: 'this checkout', dir: fileURLToPath(new URL('..', import.meta.url))},
];
if (values.baseline !== undefined) {
	checkouts.push({label: 'baseline', dir: path.resolve(values.baseline)});
}

const flagsNote = hostFlags.length > 0 ? ` (host flags: ${hostFlags.join(' ')})` : '';
console.log(`password throttling, default delays${flagsNote}`);
for (const {label, dir} of checkouts) {
	const guessingHost = await startPasswordHost(dir, label, hostFlags);
	const guessing = await parallelGuessing(guessingHost.port, connections, windowMs);
	await guessingHost.stop();
	const others = [...guessing.others].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
	console.log(
		`${label}: ${connections} parallel guessing connections got ${guessing.verdicts} verdicts in ${windowMs / 1000} s` +
			(others === '' ? '' : ` (and ${others})`),
	);

	const stormHost = await startPasswordHost(dir, label, hostFlags);
	const result = await hangUpStorm(stormHost.port, storm);
	await stormHost.stop();
	const time =
		result.rightPasswordMs === undefined
			? 'never got in'
			: `got in ${(result.rightPasswordMs / 1000).toFixed(2)} s after it`;
	console.log(
		`${label}: after 1 wrong try and ${storm} hang-ups, the right password ${time} (${result.rightPasswordTries} tries)`,
	);
}
