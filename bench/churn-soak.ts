// By hand: the churn soak (issue 13). The built `chat host` runs for N minutes while pairs of users,
// one of each face, log in, chat, reset and resume, quit and return, half-close, and open
// connections that never log in; every few seconds the host's RSS and open descriptors are
// printed. Flat series are what a host without leaks shows. Loopback only; bounded in users and
// time. bench/README.md says how to read it.
//
//   node --import tsx bench/churn-soak.ts --minutes 10
//   … --pairs 16 --sample-seconds 5 --host-dir ../other-checkout   -- FLAGS for chat host
//
// Each user connects from an address of its own (127.0.1.1, 127.0.1.2, …) and logs in a few
// times a second, above the default login rate: unless flags are given, the host runs with
// `--login-rate 0`.
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {startCliHost} from './cli-host.js';
import {formatSample, sampleProcess, type ProcessSample} from './process-sample.js';
import {newCounts, runPlain, runStructured, type SoakCounts} from './soak-actors.js';

/** The host settles for this long after the users have gone before the last sample. */
const SETTLE_MS = 5000;
/** Samples in the first minute are the warm-up (V8 and the allocator growing to their working
 * size); flatness is judged on the samples after it. */
const WARM_UP_MS = 60_000;

const {values, positionals} = parseArgs({
	options: {
		minutes: {type: 'string', default: '1'},
		pairs: {type: 'string', default: '16'},
		'sample-seconds': {type: 'string', default: '5'},
		'host-dir': {type: 'string'},
	},
	allowPositionals: true,
});
const minutes = Number(values.minutes);
const pairs = Number(values.pairs);
const sampleMs = Number(values['sample-seconds']) * 1000;
const checkout = path.resolve(values['host-dir'] ?? fileURLToPath(new URL('..', import.meta.url)));
const hostFlags = positionals.length > 0 ? positionals : ['--login-rate', '0'];
/** 127.0.1.1 onwards: a loopback address of its own for each user. */
const addressOf = (index: number) => `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;

function countsLine(counts: SoakCounts): string {
	return (
		`logins ${counts.logins}, resumes ${counts.resumes}, resets ${counts.resets}, ` +
		`quits ${counts.quits}, half-closes ${counts.halfCloses}, idle connects ${counts.idleConnects}, ` +
		`sent ${counts.sent}, received ${counts.received}, ` +
		`delivered ${counts.delivered} / held ${counts.held} / failed ${counts.failed}`
	);
}

function range(samples: readonly ProcessSample[], key: 'rssMiB' | 'fds'): string {
	const values = samples.map((sample) => sample[key]);
	return `${Math.min(...values)}-${Math.max(...values)}`;
}

const host = await startCliHost(checkout, hostFlags);
const startedAt = performance.now();
const counts = newCounts();
const samples: ProcessSample[] = [];
console.log(
	`churn soak: ${minutes} min, ${pairs} pairs (a plain and a structured user each), ` +
		`host ${checkout}, chat host ${hostFlags.join(' ')}`,
);
console.log(formatSample('started', sampleProcess(host.pid, startedAt)));
const deadline = startedAt + minutes * 60_000;
const running = () => performance.now() < deadline && host.exitCode() === undefined;
const sampler = setInterval(() => {
	const sample = sampleProcess(host.pid, startedAt);
	samples.push(sample);
	console.log(`${formatSample('churning', sample)}  ${countsLine(counts)}`);
}, sampleMs);
const actors = Array.from({length: pairs}, async (_, index) =>
	Promise.all([
		runStructured(
			{port: host.port, name: `s${index}`, partner: `p${index}`, address: addressOf(2 * index)},
			counts,
			running,
		),
		runPlain(
			{
				port: host.port,
				name: `p${index}`,
				partner: `s${(index + 1) % pairs}`,
				address: addressOf(2 * index + 1),
			},
			counts,
			running,
		),
	]),
);
try {
	await Promise.all(actors);
	clearInterval(sampler);
	await new Promise<void>((resolve) => {
		setTimeout(resolve, SETTLE_MS);
	});
	const after = sampleProcess(host.pid, startedAt);
	console.log(formatSample('users gone, settled', after));
	const steady = samples.filter((sample) => sample.at * 1000 >= WARM_UP_MS);
	const judged = steady.length > 1 ? steady : samples;
	console.log(
		`after the warm-up (${judged.length} samples): RSS ${range(judged, 'rssMiB')} MiB, ` +
			`fds ${range(judged, 'fds')}; first ${judged[0]?.rssMiB} MiB, last ${judged.at(-1)?.rssMiB} MiB`,
	);
	console.log(countsLine(counts));
	const crashed = host.exitCode() !== undefined;
	const errors = host.stderr().match(/^.*(server error|error handling a line).*$/gm) ?? [];
	console.log(
		`problems: ${counts.problems.length === 0 ? 'none' : counts.problems.join('; ')}; ` +
			`host ${crashed ? 'EXITED' : 'alive'}, ${errors.length} errors in its log`,
	);
	process.exitCode = counts.problems.length > 0 || crashed || errors.length > 0 ? 1 : 0;
} finally {
	clearInterval(sampler);
	await host.stop();
}
