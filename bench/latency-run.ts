// Latency at a steady load: users in pairs, each sending to its partner, the total rate spread
// evenly over time and users. Every text carries its send time; the receiver subtracts it.
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {benchText, endsWithText, readStamp} from './bench-text.js';
import {LOGINS_IN_FLIGHT, leaveAll, logInAll} from './bench-user.js';
import {deferred} from './deferred.js';
import type {RelayFace} from './relay-faces.js';
import type {RunningServer} from './running-server.js';
import {maximum, percentile} from './stats.js';
import {watch} from './run-watch.js';

const TICK_MS = 1;

export type LatencySettings = {
	users: number;
	messagesPerSecond: number;
	seconds: number;
	/** Texts sent in the first seconds warm the JIT and are not counted. */
	warmupSeconds: number;
};

export type LatencyResult = {
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	/** p99 of the load generator's own event-loop delay: when high, the machine, not the relay, is slow. */
	generatorLagP99Ms: number;
	sent: number;
	lost: number;
	faults: number;
	problem?: string;
};

const nowMicros = () => Math.round(performance.now() * 1000);

/** Even users on the first host, odd ones on the second, in the order of `names`. */
async function logInAcross(
	first: number,
	second: number,
	face: RelayFace,
	names: string[],
): Promise<Awaited<ReturnType<typeof logInAll>>> {
	const evens = names.filter((_, index) => index % 2 === 0);
	const odds = names.filter((_, index) => index % 2 === 1);
	const [here, there] = await Promise.all([
		logInAll(first, face, evens, LOGINS_IN_FLIGHT),
		logInAll(second, face, odds, LOGINS_IN_FLIGHT),
	]);
	return names.map((_, index) => {
		const user = index % 2 === 0 ? here[index / 2] : there[(index - 1) / 2];
		if (user === undefined) throw new Error('a user did not log in');
		return user;
	});
}

export async function runLatency(
	server: RunningServer,
	face: RelayFace,
	settings: LatencySettings,
	tag: string,
	/** Another host of a cluster for every second user (each pair then crosses hosts), with what
	 * waits until both hosts know every user. */
	partnersOn?: {server: RunningServer; known(names: string[]): Promise<void>},
): Promise<LatencyResult> {
	const names = Array.from({length: settings.users}, (_, index) => `${tag}u${index}`);
	const users =
		partnersOn === undefined
			? await logInAll(server.port, face, names, LOGINS_IN_FLIGHT)
			: await logInAcross(server.port, partnersOn.server.port, face, names);
	await partnersOn?.known(names);
	// Partners are 0↔1, 2↔3 …; each user both sends and receives.
	const partnerOf = (index: number) => names[index ^ 1] ?? '';
	users.forEach((user, index) => {
		const choose = face.choosePartner(partnerOf(index));
		if (choose) user.socket.write(choose);
	});

	const samples: number[] = [];
	let countFrom = Number.POSITIVE_INFINITY;
	let received = 0;
	let faults = 0;
	let sent = 0;
	let sending = true;
	const drained = deferred();
	for (const user of users) {
		user.onLine = (line, start, end) => {
			if (endsWithText(line, start, end)) {
				const sentAt = readStamp(line, end);
				if (sentAt >= countFrom) samples.push(nowMicros() - sentAt);
				if (++received === sent && !sending) drained.resolve();
			} else if (face.classifyLine(line, start, end) === 'failed') faults++;
		};
	}

	const senders = users.map((user, index) => ({user, to: partnerOf(index), seq: 0}));
	const lag = monitorEventLoopDelay({resolution: 1});
	lag.enable();
	const started = performance.now();
	countFrom = Math.round((started + settings.warmupSeconds * 1000) * 1000);
	const total = Math.round(
		settings.messagesPerSecond * (settings.seconds + settings.warmupSeconds),
	);
	const finishedSending = deferred();
	const ticker = setInterval(() => {
		const due = Math.min(
			total,
			Math.floor(((performance.now() - started) * settings.messagesPerSecond) / 1000),
		);
		for (; sent < due; sent++) {
			const sender = senders[sent % senders.length];
			if (!sender) break;
			sender.user.socket.write(face.message(sender.to, benchText(nowMicros()), sender.seq++));
		}
		if (sent === total) {
			clearInterval(ticker);
			finishedSending.resolve();
		}
	}, TICK_MS);
	let problem = await watch(finishedSending.promise, server, users, () => sent);
	clearInterval(ticker);
	sending = false;
	if (received === sent) drained.resolve();
	problem ??= await watch(drained.promise, server, users, () => received);
	lag.disable();

	const result = {
		p50Ms: percentile(samples, 0.5) / 1000,
		p99Ms: percentile(samples, 0.99) / 1000,
		maxMs: maximum(samples) / 1000,
		generatorLagP99Ms: lag.percentile(99) / 1e6,
		sent,
		lost: sent - received,
		faults,
		problem,
	};
	await leaveAll(users, face);
	return result;
}
