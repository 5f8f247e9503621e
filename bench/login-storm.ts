// `node --import tsx bench/login-storm.ts [--baseline DIR] [--seconds N] [--link-kib N]
// [--stay-ms N] [--parallel N] [--host-flags='…']`: one address logs in and out as fast as the
// host lets it (login-storm-worker.ts) while structured bystanders watch: presence lines a second a
// bystander receives, the host's CPU, its RSS, and the latency of private messages to a bystander
// whose link takes --link-kib KiB a second. Each checkout's real `chat host` runs with its default
// limits; --host-flags adds flags for this checkout's host only (see bench/README.md).
import {fork, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {trackServer, type RunningServer} from './running-server.js';
import {median, maximum} from './stats.js';
import {connectBystander} from './storm-bystander.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** One second of the storm before counting, so the figures show the storm, not its start (a
 * burst the host allows at first, say). */
const WARMUP_MS = 1000;
/** A private message to the slow bystander this often during the storm. */
const MESSAGE_EVERY_MS = 250;
/** After the storm, how long the slow bystander may take to get the messages still on their way. */
const DRAIN_DEADLINE_MS = 180_000;

const {values} = parseArgs({
	options: {
		baseline: {type: 'string'},
		seconds: {type: 'string', default: '10'},
		'link-kib': {type: 'string', default: '64'},
		// Connections the attacker keeps in flight: below the default cap of 64 per address.
		parallel: {type: 'string', default: '32'},
		'stay-ms': {type: 'string', default: '0'},
		'host-flags': {type: 'string', default: ''},
	},
	strict: true,
});
const seconds = Number(values.seconds);
const linkBytesPerSecond = Number(values['link-kib']) * 1024;

/** The command line's entry in a checkout: it moved into source/cli/ once. */
const CLI_ENTRIES = ['source/cli/chat.ts', 'source/cli.tsx'];

/** `chat host` of the checkout `dir` from its sources, with its defaults, on loopback. */
async function startChatHost(dir: string, label: string, flags: string[]): Promise<RunningServer> {
	const entry = CLI_ENTRIES.find((file) => existsSync(path.join(dir, file)));
	if (entry === undefined) throw new Error(`${dir}: no ${CLI_ENTRIES.join(' or ')}`);
	const child = spawn(
		process.execPath,
		['--import', 'tsx', entry, 'host', '--port', '0', '--bind', '127.0.0.1', ...flags],
		{cwd: dir, stdio: ['ignore', 'pipe', 'pipe']},
	);
	// Its log (a line per login) is drained and dropped, as a terminal would take it.
	child.stderr.resume();
	const port = await new Promise<number>((resolve, reject) => {
		let seen = '';
		child.stdout.on('data', (chunk: Buffer) => {
			seen += chunk.toString();
			const match = /listening on [^\s]+:(\d+)/.exec(seen);
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) => {
			reject(new Error(`${label} did not start (exit ${code})`));
		});
	});
	return trackServer(child, port, label);
}

async function wait(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

type StormFigures = {
	logins: number;
	refused: number;
	presencePerSecond: number;
	slowPresencePerSecond: number;
	cpuShare: number;
	rss: {before: number; during: number; after: number};
	latency: {sent: number; received: number; p50: number; max: number};
	surprises: string[];
};

async function storm(host: RunningServer): Promise<StormFigures> {
	const watcher = await connectBystander(host.port, 'watcher');
	const slow = await connectBystander(host.port, 'slow', linkBytesPerSecond);
	const sender = await connectBystander(host.port, 'sender');
	const rssBefore = host.rssBytes();
	const attacker = fork(path.join(here, 'login-storm-worker.ts'), [
		String(host.port),
		values.parallel,
		values['stay-ms'],
	]);
	// The attacker's totals so far, as of its latest report.
	let totals = {welcomed: 0, refused: 0};
	let begun: () => void = () => {};
	const storming = new Promise<void>((resolve) => {
		begun = resolve;
	});
	attacker.on('message', (report: typeof totals) => {
		totals = report;
		if (report.welcomed + report.refused > 0) begun();
	});
	// The warm-up starts with the storm, not with the attacker's process.
	await storming;
	await wait(WARMUP_MS);
	const totalsBefore = totals;
	watcher.takePresenceCount();
	slow.takePresenceCount();
	const cpuBefore = host.cpuMs();
	const started = Date.now();
	let sent = 0;
	const ticker = setInterval(() => {
		sender.socket.write(`SEND m${sent} slow :sent ${Date.now()}\n`);
		sent++;
	}, MESSAGE_EVERY_MS);
	await wait(seconds * 1000);
	clearInterval(ticker);
	const elapsed = (Date.now() - started) / 1000;
	const cpuMs = host.cpuMs() - cpuBefore;
	const rssDuring = host.rssBytes();
	const presencePerSecond = watcher.takePresenceCount() / elapsed;
	const slowPresencePerSecond = slow.takePresenceCount() / elapsed;
	const logins = totals.welcomed - totalsBefore.welcomed;
	const refused = totals.refused - totalsBefore.refused;
	attacker.send('stop');
	await new Promise((resolve) => attacker.once('exit', resolve));
	const drainDeadline = Date.now() + DRAIN_DEADLINE_MS;
	while (slow.latencies.length < sent && Date.now() < drainDeadline && !slow.socket.destroyed) {
		await wait(100);
	}

	const rssAfter = host.rssBytes();
	const {latencies} = slow;
	const surprises = [...watcher.surprises, ...slow.surprises, ...sender.surprises];
	for (const each of [watcher, slow, sender]) each.close();
	return {
		logins: logins / elapsed,
		refused: refused / elapsed,
		presencePerSecond,
		slowPresencePerSecond,
		cpuShare: cpuMs / (elapsed * 1000),
		rss: {before: rssBefore, during: rssDuring, after: rssAfter},
		latency: {
			sent,
			received: latencies.length,
			p50: median(latencies),
			max: maximum(latencies),
		},
		surprises: surprises.filter((line) => !/^(DELIVERED|HELD) /.test(line)).slice(0, 5),
	};
}

const MIB = 1024 * 1024;

function describe(label: string, figures: StormFigures): string {
	const {latency, rss} = figures;
	const rows = [
		`${label}`,
		`  logins/s welcomed ${Math.round(figures.logins)}, refused ${Math.round(figures.refused)}`,
		`  presence lines/s to a bystander ${Math.round(figures.presencePerSecond)} (slow one: ${Math.round(figures.slowPresencePerSecond)})`,
		`  host CPU ${(figures.cpuShare * 100).toFixed(0)}% of a core, ${Math.round((figures.cpuShare * 1e6) / (figures.logins + figures.refused))} µs per login tried`,
		`  host RSS before ${(rss.before / MIB).toFixed(0)} MiB, during ${(rss.during / MIB).toFixed(0)} MiB, after ${(rss.after / MIB).toFixed(0)} MiB`,
		`  private messages on a ${values['link-kib']} KiB/s link: ${latency.received} of ${latency.sent} arrived, latency p50 ${Math.round(latency.p50)} ms, max ${Math.round(latency.max)} ms`,
	];
	if (figures.surprises.length > 0)
		rows.push(`  unexpected lines: ${figures.surprises.join(' | ')}`);
	return rows.join('\n');
}

const hostFlags = values['host-flags'].split(' ').filter((flag) => flag !== '');
const checkouts: Array<[string, string, string[]]> = [
	['this checkout', path.dirname(here), hostFlags],
];
if (values.baseline !== undefined) checkouts.push(['baseline', path.resolve(values.baseline), []]);
for (const [label, dir, flags] of checkouts) {
	const host = await startChatHost(dir, label, flags);
	try {
		const figures = await storm(host);
		const setup = `${seconds} s storm, stay ${values['stay-ms']} ms${flags.length > 0 ? `, ${flags.join(' ')}` : ''}`;
		console.log(describe(`${label} (${dir}), ${setup}`, figures));
	} finally {
		await host.stop();
	}
}
