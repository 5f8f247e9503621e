// Password throttling over real TCP (docs/protocol.md "Password"): a guesser with many parallel
// connections gets no more verdicts than one connection would, tries that hang up cost nothing and
// cannot lock the address out, and the line of waiting tries per address is bounded.

import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {MAX_PASSWORD_TRIES_WAITING} from '../source/protocol/limits.js';
import {PLAIN_PASSWORD_BUSY, PLAIN_PASSWORD_NEEDED} from '../source/protocol/plain-face.js';
import {connectRaw, type RawClient} from './helpers/raw-client.js';
import {startTestHost, type TestHost} from './helpers/start-host.js';

const SECRET = 'op3n-s3same';
const WRONG = 'HELLO 1 mallory password=guess';
/** Timers may fire up to a millisecond early against performance.now(), and Date.now() rounds. */
const TIMER_ROUNDING_MS = 2;

/** The documented wait after `failures` failures in a row. */
function delayAfter(failures: number, delayMs: number, maxDelayMs: number): number {
	return Math.min(maxDelayMs, delayMs * 2 ** (failures - 1));
}

/** A host whose log stamps each wrong-password verdict with the time it was given. */
async function hostStampingVerdicts(options: Parameters<typeof startTestHost>[0]) {
	const wrongAt: number[] = [];
	const host = await startTestHost({
		...options,
		password: SECRET,
		log(line) {
			if (line.endsWith(': password-wrong')) wrongAt.push(performance.now());
		},
	});
	return {host, wrongAt};
}

/** Polls until `ready` holds, or fails after the deadline. */
async function pollUntil(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!ready()) {
		if (performance.now() > deadline) throw new Error(`${timeoutMs} ms passed waiting for ${what}`);
		await new Promise<void>((resolve) => {
			setImmediate(resolve);
		});
	}
}

/** Every try of a storm has been seen to close. */
async function untilNoConnections(host: TestHost): Promise<void> {
	await pollUntil(() => host.stats().connections === 0, 'the storm connections to close');
}

/** Connections opened ahead, so that a storm of tries can then be sent in one go. */
async function openConnections(port: number, count: number): Promise<net.Socket[]> {
	return Promise.all(
		Array.from({length: count}, async () => {
			const socket = net.connect({port, host: '127.0.0.1'});
			socket.on('error', () => {});
			await new Promise<void>((resolve) => {
				socket.once('connect', resolve);
			});
			return socket;
		}),
	);
}

/** Each connection sends a password and hangs up at once, without reading. */
function hangUpAll(sockets: readonly net.Socket[], line: (index: number) => string): void {
	for (const [index, socket] of sockets.entries()) socket.end(line(index) + '\n');
}

async function answerTo(port: number, line: string): Promise<{answer: string; at: number}> {
	const client = await connectRaw(port);
	client.send(line);
	const answer = await client.nextLine();
	const at = performance.now();
	client.destroy();
	return {answer, at};
}

test('many parallel guessing connections get no more verdicts than the documented rate', async (t) => {
	const delayMs = 20;
	const maxDelayMs = 160;
	const windowMs = 1200;
	// Fewer than MAX_PASSWORD_TRIES_WAITING, so every guess waits in line and none is refused.
	const connections = 12;
	const {host, wrongAt} = await hostStampingVerdicts({
		passwordFailureDelayMs: delayMs,
		passwordFailureMaxDelayMs: maxDelayMs,
	});
	t.after(() => host.stop());
	const open = new Set<RawClient>();
	let stopped = false;
	const guesser = async (): Promise<void> => {
		while (!stopped) {
			const client = await connectRaw(host.port);
			if (stopped) {
				client.destroy();
				break;
			}

			open.add(client);
			client.send(WRONG);
			// The verdict, or the end of the window (the socket is destroyed), ends this guess.
			await client.nextLine(10_000).catch(() => '');
			open.delete(client);
			client.destroy();
		}
	};

	const start = performance.now();
	const stop = setTimeout(() => {
		stopped = true;
		for (const client of open) client.destroy();
	}, windowMs);
	t.after(() => clearTimeout(stop));
	await Promise.all(Array.from({length: connections}, guesser));
	assert.ok(wrongAt.length > 2, `only ${wrongAt.length} verdicts came`);
	// Verdict n came no sooner after the first than the delays of the failures before it add up
	// to. Each is stamped when the host logs it, after a wait on the event loop that a loaded
	// machine stretches; so one gap may be short when the verdict before it was logged late, but
	// the sum, the rate a guesser gets, never is.
	let least = 0;
	for (let n = 1; n < wrongAt.length; n++) {
		least += delayAfter(n, delayMs, maxDelayMs);
		const since = (wrongAt[n] ?? 0) - (wrongAt[0] ?? 0);
		assert.ok(
			since >= least - TIMER_ROUNDING_MS,
			`verdict ${n + 1} came ${since.toFixed(1)} ms after the first, expected ≥ ${least}`,
		);
	}

	// So within the window there were at most as many as one connection at a time could get.
	let most = 1;
	for (let at = 0, n = 1; at + delayAfter(n, delayMs, maxDelayMs) <= windowMs; n++) {
		at += delayAfter(n, delayMs, maxDelayMs);
		most++;
	}

	const inWindow = wrongAt.filter((at) => at - start <= windowMs).length;
	assert.ok(inWindow <= most, `${inWindow} verdicts in ${windowMs} ms, at most ${most} expected`);
});

test('after one wrong try and a storm of 200 hang-ups, the right password gets in at its turn', async (t) => {
	// No try of the storm comes due: it arrives within this delay after the wrong try.
	const delayMs = 2000;
	const {host, wrongAt} = await hostStampingVerdicts({
		passwordFailureDelayMs: delayMs,
		passwordFailureMaxDelayMs: delayMs,
		// The whole storm reaches the password check, not the per-address cap.
		maxPerAddress: 0,
	});
	t.after(() => host.stop());
	// Opened first: the storm then comes right after the wrong try, well within its delay.
	const storm = await openConnections(host.port, 200);
	assert.equal((await answerTo(host.port, WRONG)).answer, 'REFUSED password-wrong :wrong password');
	hangUpAll(storm, () => WRONG);
	await untilNoConnections(host);

	const right = await answerTo(host.port, `HELLO 1 alice password=${SECRET}`);
	assert.match(right.answer, /^WELCOME alice /);
	const waited = right.at - (wrongAt[0] ?? 0);
	// It waited for the one failure's delay, and for none of the tries that hung up.
	assert.ok(waited >= delayMs - TIMER_ROUNDING_MS, `the right password waited ${waited} ms`);
	assert.ok(waited < 2 * delayMs, `the right password waited ${waited.toFixed(0)} ms`);
	assert.equal(wrongAt.length, 1, 'no try that hung up got a verdict');
});

test('a try that hangs up before its turn counts no failure', async (t) => {
	const delayMs = 1000;
	// Ten more failures would make the next wait 1000 · 2^10 ms: far past any deadline here.
	const {host, wrongAt} = await hostStampingVerdicts({
		passwordFailureDelayMs: delayMs,
		passwordFailureMaxDelayMs: 3_600_000,
	});
	t.after(() => host.stop());
	const tries = await openConnections(host.port, 10);
	await answerTo(host.port, 'pass:guess');
	hangUpAll(tries, (index) => (index % 2 === 0 ? WRONG : 'pass:guess'));
	await untilNoConnections(host);
	const right = await answerTo(host.port, `HELLO 1 alice password=${SECRET}`);
	assert.match(right.answer, /^WELCOME alice /);
	assert.ok(right.at - (wrongAt[0] ?? 0) < 2 * delayMs, 'it waited one delay, not eleven');
	assert.equal(wrongAt.length, 1);
});

/** A host whose failure delay outlasts the test, one wrong try checked, and
 * MAX_PASSWORD_TRIES_WAITING more tries from the same address waiting in line behind it. */
async function hostWithFullLine() {
	const stamped = await hostStampingVerdicts({
		passwordFailureDelayMs: 60_000,
		passwordFailureMaxDelayMs: 60_000,
	});
	const {port} = stamped.host;
	await answerTo(port, WRONG);
	const waiting = await Promise.all(
		Array.from({length: MAX_PASSWORD_TRIES_WAITING}, async () => {
			const client = await connectRaw(port);
			client.send(WRONG);
			return client;
		}),
	);
	return {...stamped, waiting};
}

test('past MAX_PASSWORD_TRIES_WAITING tries in line, one more is refused at once', async (t) => {
	// Nobody's turn comes during the test: the line only fills.
	const {host, wrongAt, waiting} = await hostWithFullLine();
	t.after(() => host.stop());
	// An answer that is never queued, sent after those tries: once it is back, they are in line.
	const barrier = async () => {
		assert.equal((await answerTo(host.port, 'alice')).answer, PLAIN_PASSWORD_NEEDED);
	};

	await barrier();
	assert.equal(
		(await answerTo(host.port, `HELLO 1 alice password=${SECRET}`)).answer,
		'REFUSED password-busy :too many password tries from your address are waiting; try again later',
	);
	assert.equal((await answerTo(host.port, `pass:${SECRET}`)).answer, PLAIN_PASSWORD_BUSY);
	for (const client of waiting) assert.deepEqual(client.lines, [], 'still waiting their turn');

	// A try that hangs up frees its place for the next.
	const before = host.stats().connections;
	waiting[0]?.destroy();
	await pollUntil(() => host.stats().connections < before, 'the hung-up try to close');

	const next = await connectRaw(host.port);
	next.send(WRONG);
	await barrier();
	assert.match((await answerTo(host.port, WRONG)).answer, /^REFUSED password-busy /);
	assert.deepEqual(next.lines, [], 'the new try took the free place');
	assert.equal(wrongAt.length, 1, 'no refused try was checked');
});

test('a waiting try whose client half-closes (FIN) leaves the line unanswered', async (t) => {
	// Nobody's turn comes during the test: only hanging up can free a place.
	const {host, wrongAt, waiting} = await hostWithFullLine();
	t.after(() => host.stop());
	assert.equal((await answerTo(host.port, 'alice')).answer, PLAIN_PASSWORD_NEEDED);
	assert.match((await answerTo(host.port, WRONG)).answer, /^REFUSED password-busy /);

	// A FIN, not a reset: the host still could write, but a try that hung up is not answered.
	const leaving = waiting[0];
	assert.ok(leaving !== undefined);
	leaving.end();
	await leaving.closed;
	assert.deepEqual(leaving.lines, [], 'no verdict for a try that hung up');

	const next = await connectRaw(host.port);
	next.send(WRONG);
	assert.equal((await answerTo(host.port, 'alice')).answer, PLAIN_PASSWORD_NEEDED);
	assert.match((await answerTo(host.port, WRONG)).answer, /^REFUSED password-busy /);
	assert.deepEqual(next.lines, [], 'the new try took the place the FIN freed');
	assert.equal(wrongAt.length, 1, 'no try that hung up or was refused was checked');
});
