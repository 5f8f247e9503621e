// By hand: the host's memory and descriptors under connection abuse (issue 13), with two users
// chatting throughout. Not part of `npm run bench`; bench/README.md says how to read it.
//
//   node --import tsx bench/connection-abuse.ts --scenario idle      # 1,024 idle connects, 16 addresses
//   node --import tsx bench/connection-abuse.ts --scenario flood     # 512 floods of 64 KiB, 8 addresses
//   … --host-dir ../other-checkout   the same run against another checkout's dist/cli.js
//   … --open-files 512               the host under `ulimit -n 512`
//   … --flood-bytes 262144 --rounds 3   bigger floods, one after another (new flooders each round)
//   … --gc   the host's startHost under --expose-gc, so the last figure is after a full collection
//   … -- --max-pre-login 100         anything after -- goes to `chat host`
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {startCollectableHost} from '../test/helpers/collectable-host-process.js';
import {watchChat} from './chat-watch.js';
import {startCliHost, type CliHost} from './cli-host.js';
import {connectLines, type LineSocket} from './line-socket.js';
import {formatSample, sampleProcess} from './process-sample.js';

/** Connections opened at once: below Node's listen backlog (511), so the kernel never drops one. */
const CONNECT_BATCH = 64;
/** The flood: short lines, by default 64 KiB of them per connection. */
const FLOOD_LINE = 'hi\n';
/** How long the host gets to settle between the samples. */
const SETTLE_MS = 3000;
const STAGE_DEADLINE_MS = 60_000;

const {values, positionals} = parseArgs({
	options: {
		scenario: {type: 'string', default: 'idle'},
		'host-dir': {type: 'string'},
		'open-files': {type: 'string'},
		connections: {type: 'string'},
		addresses: {type: 'string'},
		'flood-bytes': {type: 'string', default: String(64 * 1024)},
		rounds: {type: 'string', default: '1'},
		gc: {type: 'boolean', default: false},
	},
	allowPositionals: true,
});
const scenario = values.scenario;
if (scenario !== 'idle' && scenario !== 'flood') throw new Error('--scenario is idle or flood');
const checkout = path.resolve(values['host-dir'] ?? fileURLToPath(new URL('..', import.meta.url)));
const openFiles = values['open-files'] === undefined ? undefined : Number(values['open-files']);
const connections = Number(values.connections ?? (scenario === 'idle' ? 1024 : 512));
const addresses = Number(values.addresses ?? (scenario === 'idle' ? 16 : 8));
const floodBytes = Number(values['flood-bytes']);
const rounds = Number(values.rounds);

const sleep = async (ms: number) =>
	new Promise<void>((resolve) => {
		setTimeout(resolve, ms);
	});

/** 127.0.0.10, 127.0.0.11, …: each its own address to the host's per-address cap. */
const sourceAddress = (index: number) => `127.0.0.${10 + (index % addresses)}`;

async function openMany(
	count: number,
	open: (index: number) => Promise<LineSocket | undefined>,
): Promise<LineSocket[]> {
	const sockets: LineSocket[] = [];
	for (let first = 0; first < count; first += CONNECT_BATCH) {
		const batch = Array.from({length: Math.min(CONNECT_BATCH, count - first)}, async (_, offset) =>
			open(first + offset).catch(() => undefined),
		);
		for (const socket of await Promise.all(batch)) if (socket) sockets.push(socket);
	}

	return sockets;
}

async function idle(host: CliHost, startedAt: number): Promise<void> {
	const open = await openMany(connections, async (index) =>
		connectLines(host.port, sourceAddress(index)),
	);
	await sleep(SETTLE_MS);
	const stillOpen = open.filter((socket) => !socket.isClosed()).length;
	console.log(
		formatSample(`${connections} idle connects`, sampleProcess(host.pid, startedAt)) +
			`  (${open.length} connected, ${stillOpen} still open)`,
	);
	const carolStarted = performance.now();
	let outcome = 'refused every time';
	for (let attempt = 1; attempt <= 5; attempt++) {
		try {
			const carol = await connectLines(host.port, '127.0.0.2');
			carol.send('carol');
			const reply = await carol.waitFor(/./, 5000);
			if (reply === 'Welcome!') {
				outcome = `logged in on try ${attempt} in ${(performance.now() - carolStarted).toFixed(1)} ms`;
				carol.socket.destroy();
				break;
			}
		} catch {
			// Refused or reset: the next try says more.
		}
	}

	console.log(`a newcomer (carol): ${outcome}`);
	for (const socket of open) socket.socket.destroy();
}

async function flood(host: CliHost, startedAt: number): Promise<void> {
	const sink = await connectLines(host.port);
	sink.send('sink');
	await sink.waitFor(/^Welcome!$/, STAGE_DEADLINE_MS);
	// The sink reads what the flooders relay, and keeps nothing.
	sink.socket.on('data', () => sink.lines.splice(0));
	for (let round = 1; round <= rounds; round++) {
		if (rounds > 1) console.log(`round ${round} of ${rounds}`);
		await floodRound(host, startedAt, round);
		if (round < rounds) await sleep(SETTLE_MS);
	}

	sink.socket.destroy();
}

async function floodRound(host: CliHost, startedAt: number, round: number): Promise<void> {
	const flooders = await openMany(connections, async (index) => {
		const socket = await connectLines(host.port, sourceAddress(index));
		socket.send(`f${round}-${index}`);
		await socket.waitFor(/^Welcome!$/, STAGE_DEADLINE_MS);
		socket.send('to:sink');
		return socket;
	});
	await sleep(SETTLE_MS);
	console.log(
		formatSample(`${flooders.length} users logged in`, sampleProcess(host.pid, startedAt)),
	);
	const text = Buffer.from(FLOOD_LINE.repeat(Math.floor(floodBytes / FLOOD_LINE.length)));
	for (const socket of flooders) socket.socket.write(text);
	// Each flooder hears once that it is slowed down: by then its socket is paused.
	await Promise.all(
		flooders.map(async (socket) => socket.waitFor(/too fast: slow down/, STAGE_DEADLINE_MS)),
	).catch(() => undefined);
	for (let second = 1; second <= 5; second++) {
		await sleep(1000);
		console.log(formatSample(`flooding, ${second} s`, sampleProcess(host.pid, startedAt)));
	}

	const deadline = Date.now() + STAGE_DEADLINE_MS;
	while (flooders.some((socket) => !socket.isClosed()) && Date.now() < deadline) await sleep(100);
	const cut = flooders.filter((socket) => socket.isClosed()).length;
	console.log(
		formatSample(`${cut} flooders cut off`, sampleProcess(host.pid, startedAt)) +
			`  (${flooders.length - cut} still open)`,
	);
	for (const socket of flooders) socket.socket.destroy();
}

async function startHost(): Promise<CliHost & {collectGarbage?: () => Promise<void>}> {
	if (!values.gc) return startCliHost(checkout, positionals, openFiles);
	if (positionals.length > 0 || openFiles !== undefined)
		throw new Error('--gc runs the host with its default limits: no -- flags, no --open-files');
	const host = await startCollectableHost({}, checkout);
	return {...host, stderr: () => '', exitCode: () => undefined};
}

const host = await startHost();
const startedAt = performance.now();
try {
	console.log(
		`${scenario}: ${connections} connections from ${addresses} addresses` +
			(scenario === 'flood' ? `, ${floodBytes} bytes of short lines each` : '') +
			`; host ${checkout}` +
			(openFiles === undefined ? '' : ` under ulimit -n ${openFiles}`) +
			(positionals.length > 0 ? `, chat host ${positionals.join(' ')}` : ''),
	);
	await sleep(1000);
	console.log(formatSample('started', sampleProcess(host.pid, startedAt)));
	const chat = await watchChat(host.port);
	await sleep(SETTLE_MS);
	console.log(formatSample('two users chatting', sampleProcess(host.pid, startedAt)));
	await (scenario === 'idle' ? idle(host, startedAt) : flood(host, startedAt));
	for (const wait of [SETTLE_MS, 10_000]) {
		await sleep(wait);
		console.log(formatSample(`after, +${wait / 1000} s`, sampleProcess(host.pid, startedAt)));
	}

	if (host.collectGarbage) {
		await host.collectGarbage();
		console.log(formatSample('after a full GC', sampleProcess(host.pid, startedAt)));
		// V8 hands freed pages back on a thread of its own, a moment after the collection.
		await sleep(SETTLE_MS);
		console.log(formatSample('after a full GC, +3 s', sampleProcess(host.pid, startedAt)));
	}

	await chat.stop();
	console.log(`chat during the run: ${chat.summary()}`);
	const errors = host.stderr().match(/^.*server error.*$/gm) ?? [];
	console.log(
		`host log: ${errors.length} server errors${errors.length > 0 ? ` (first: ${errors[0]})` : ''}`,
	);
} finally {
	await host.stop();
}

process.exit(0);
