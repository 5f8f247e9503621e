// Scale: many idle users logged in at once (spread over worker processes), the relay's memory
// per idle user, the login rate, and a round trip while they are all connected.
import {fork, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {benchText, endsWithText} from './bench-text.js';
import {BenchUser, leaveAll} from './bench-user.js';
import {deferred, withDeadline} from './deferred.js';
import {facesByName, type FaceName} from './relay-faces.js';
import type {RunningServer} from './running-server.js';
import type {ScaleWorkerCommand, ScaleWorkerReport, ScaleWorkerTask} from './scale-worker.js';
import {median} from './stats.js';

const WORKER = fileURLToPath(new URL('scale-worker.ts', import.meta.url));
const ROUND_TRIPS = 20;
const ROUND_TRIP_DEADLINE_MS = 10_000;
/** Memory is read once the relay has finished the login storm's fan-out (JOIN lines …). */
const SETTLE_WINDOW_MS = 100;
const SETTLE_DEADLINE_MS = 10_000;

export type ScaleSettings = {
	users: number;
	workers: number;
	inFlightPerWorker: number;
	/** Logins stop here; memory and the rate are then taken over the users logged in so far. */
	loginDeadlineMs: number;
};

export type ScaleResult = {
	/** Users logged in (fewer than asked when the login deadline passed). */
	users: number;
	loginsPerSecond: number;
	rssPerUserBytes: number;
	roundTripMs: number;
	problem?: string;
};

export type ScaleWorker = {child: ChildProcess; loaded: Promise<void>; ready: Promise<number>};

export function startWorker(task: ScaleWorkerTask, onDrop: (reason: string) => void): ScaleWorker {
	const child = fork(WORKER, [JSON.stringify(task)], {execArgv: ['--import', 'tsx']});
	const loaded = deferred();
	const ready = new Promise<number>((resolve, reject) => {
		child.on('message', (report: ScaleWorkerReport) => {
			if (report.type === 'loaded') loaded.resolve();
			else if (report.type === 'ready') resolve(report.users);
			else if (report.type === 'failed') reject(new Error(report.reason));
			else onDrop(report.reason);
		});
		child.once('exit', (code) => reject(new Error(`a scale worker exited (${code})`)));
	});
	// Keeps an early failure from being unhandled while the others load.
	ready.catch(() => undefined);
	return {child, loaded: loaded.promise, ready};
}

export function tell(child: ChildProcess, command: ScaleWorkerCommand): void {
	if (child.connected) child.send(command);
}

export async function stopWorker(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	tell(child, 'leave');
	await exited;
}

export async function runScale(
	server: RunningServer,
	faceName: FaceName,
	settings: ScaleSettings,
	tag: string,
): Promise<ScaleResult> {
	await server.collectGarbage?.();
	const rssBefore = server.rssBytes();
	let problem: string | undefined;
	const perWorker = Math.ceil(settings.users / settings.workers);
	const workers = Array.from({length: settings.workers}, (_, index) => {
		const first = index * perWorker;
		const count = Math.max(0, Math.min(perWorker, settings.users - first));
		const task = {
			port: server.port,
			face: faceName,
			prefix: `${tag}i`,
			first,
			count,
			inFlight: settings.inFlightPerWorker,
		};
		return startWorker(task, (reason) => (problem ??= reason));
	});
	const allReady = Promise.all(workers.map((worker) => worker.ready));
	try {
		await Promise.race([Promise.all(workers.map((worker) => worker.loaded)), allReady]);
		const started = performance.now();
		for (const {child} of workers) tell(child, 'login');
		const deadline = setTimeout(() => {
			for (const {child} of workers) tell(child, 'halt');
		}, settings.loginDeadlineMs);
		const counts = await allReady.finally(() => clearTimeout(deadline));
		const loginMs = performance.now() - started;
		const users = counts.reduce((sum, count) => sum + count, 0);
		await waitUntilIdle(server);
		await server.collectGarbage?.();
		const rssAfter = server.rssBytes();
		const roundTripMs = await roundTrips(server.port, faceName, tag);
		return {
			users,
			loginsPerSecond: (users / loginMs) * 1000,
			rssPerUserBytes: (rssAfter - rssBefore) / users,
			roundTripMs,
			problem: problem ?? server.crash(),
		};
	} finally {
		await Promise.all(workers.map(({child}) => stopWorker(child)));
	}
}

/** Waits until the relay used (almost) no CPU over a short window, or the deadline passes. */
export async function waitUntilIdle(server: RunningServer): Promise<void> {
	const deadline = performance.now() + SETTLE_DEADLINE_MS;
	while (performance.now() < deadline) {
		const before = server.cpuMs();
		await new Promise((resolve) => setTimeout(resolve, SETTLE_WINDOW_MS));
		// /proc counts CPU in 10 ms ticks: one tick over the window is idle.
		if (server.cpuMs() - before <= 10) return;
	}
}

/** Median time for a text to go A→B and an answer B→A. */
async function roundTrips(port: number, faceName: FaceName, tag: string): Promise<number> {
	const face = facesByName[faceName];
	const a = await BenchUser.logIn(port, face, `${tag}ping`);
	const b = await BenchUser.logIn(port, face, `${tag}pong`);
	for (const [from, to] of [
		[a, b],
		[b, a],
	] as const) {
		const choose = face.choosePartner(to.name);
		if (choose) from.socket.write(choose);
	}
	b.onLine = (line, start, end) => {
		if (endsWithText(line, start, end)) b.socket.write(face.message(a.name, benchText(1), seq++));
	};
	let seq = 0;
	const times: number[] = [];
	for (let trip = 0; trip < ROUND_TRIPS; trip++) {
		const answered = deferred();
		a.onLine = (line, start, end) => {
			if (endsWithText(line, start, end)) answered.resolve();
		};
		const sentAt = performance.now();
		a.socket.write(face.message(b.name, benchText(0), seq++));
		await withDeadline(answered.promise, ROUND_TRIP_DEADLINE_MS, 'a round trip');
		times.push(performance.now() - sentAt);
	}
	await leaveAll([a, b], face);
	return median(times);
}
