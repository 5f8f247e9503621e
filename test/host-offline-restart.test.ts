// Restart without loss, as a property (docs/protocol.md "Messages for someone offline"): a host
// child keeps messages for an offline owner while random messages are sent, and is killed with
// SIGKILL at random moments, over and over, on the same folder. After the last restart the store
// opens, and the owner gets every message that was answered STORED exactly once, in the order
// sent, with the options its SEND had (parts of longer messages, actions), and nothing that was
// never sent.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {test} from 'node:test';
import fc from 'fast-check';
import {loginOwner} from './helpers/keyed-client.js';
import type {RawClient} from './helpers/raw-client.js';
import {storeDir} from './helpers/store-dir.js';

const CHILD = new URL('helpers/offline-host-child.ts', import.meta.url).pathname;
/** Kills per folder, and folders: each child takes a second or more to start on a busy machine. */
const ROUNDS = 3;
const RUNS = 2;
/** Messages sent to one child at most before its kill. */
const MAX_SENDS = 60;

type Child = {port: number; kill(): Promise<void>};

/** The options of message `index` of a round: parts of longer messages and actions, in turn. */
const PART_OPTIONS = ['more=1 ', '', 'kind=action more=0 ', 'kind=action '];

function optionsOf(ref: string): string {
	const index = Number(ref.split('.')[1]);
	return PART_OPTIONS[index % PART_OPTIONS.length] ?? '';
}

/** `r2.7` as [2, 7], so that refs sort by round, then by index. */
function roundAndIndex(ref: string): [number, number] {
	const match = /^r(\d+)\.(\d+)$/.exec(ref);
	assert.ok(match, `a ref of this test: ${ref}`);
	return [Number(match[1]), Number(match[2])];
}

async function startChild(dir: string, owned: string[]): Promise<Child> {
	const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, ...owned], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = once(child, 'exit');
	let out = '';
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
			if (out.includes('\n')) resolve(Number(out.trim()));
		});
		child.once('exit', () => reject(new Error('the host child exited before it listened')));
	});
	return {
		port,
		async kill() {
			child.kill('SIGKILL');
			await exited;
		},
	};
}

/** Sends `count` messages to bob and kills the host after `killAfter` answers (or all). */
async function sendUntilKilled(
	child: Child,
	round: number,
	count: number,
	killAfter: number,
	stored: string[],
): Promise<void> {
	const alice = await loginOwner(child.port, 'alice');
	for (let index = 0; index < count; index++)
		alice.send(
			`SEND r${round}.${index} bob ${optionsOf(`r${round}.${index}`)}:m ${round}.${index}`,
		);
	let answers = 0;
	while (answers < killAfter) {
		const line = await alice.waitForLine(/^(STORED|FAILED) /);
		answers++;
		const match = /^STORED (\S+) /.exec(line);
		assert.ok(match, line);
		stored.push(match[1] ?? '');
	}

	await child.kill();
	// What reached the socket before the kill was answered too.
	await alice.closed;
	for (const line of alice.lines.slice(0)) {
		const match = /^STORED (\S+) /.exec(line);
		if (match && !stored.includes(match[1] ?? '')) stored.push(match[1] ?? '');
	}
}

async function refsHandedTo(bob: RawClient, probeFrom: RawClient): Promise<string[]> {
	probeFrom.send('SEND probe bob :end');
	const refs: string[] = [];
	for (;;) {
		const line = await bob.waitForLine(/^MSG /);
		const match =
			/^MSG \d+ \d+ alice bob (\S+) (?:stored )?((?:kind=action )?(?:more=\d+ )?):/.exec(line);
		assert.ok(match, line);
		const ref = match[1] ?? '';
		if (ref === 'probe') return refs;
		assert.equal(match[2], optionsOf(ref), `the options of ${ref}: ${line}`);
		refs.push(ref);
	}
}

test('after SIGKILLs at random moments every STORED message reaches its owner once, in order', async (t) => {
	await fc.assert(
		fc.asyncProperty(
			fc.array(
				fc.record({
					count: fc.integer({min: 1, max: MAX_SENDS}),
					killAt: fc.double({min: 0, max: 1}),
				}),
				{minLength: ROUNDS, maxLength: ROUNDS},
			),
			async (rounds) => {
				const dir = storeDir();
				const stored: string[] = [];
				for (const [round, {count, killAt}] of rounds.entries()) {
					const child = await startChild(dir, round === 0 ? ['bob'] : []);
					await sendUntilKilled(child, round, count, Math.floor(killAt * count), stored);
				}

				const child = await startChild(dir, []);
				t.after(() => child.kill());
				const bob = await loginOwner(child.port, 'bob');
				const alice = await loginOwner(child.port, 'alice');
				const handed = await refsHandedTo(bob, alice);
				await child.kill();
				const sent = new Set(
					rounds.flatMap(({count}, round) =>
						Array.from({length: count}, (_, index) => `r${round}.${index}`),
					),
				);
				assert.equal(new Set(handed).size, handed.length, `each once: ${handed.join(' ')}`);
				for (const ref of handed) assert.ok(sent.has(ref), `never sent: ${ref}`);
				const order = handed.map(roundAndIndex);
				const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
				assert.deepEqual(order, sorted, 'in the order sent');
				for (const ref of stored) assert.ok(handed.includes(ref), `STORED but lost: ${ref}`);
			},
		),
		{numRuns: RUNS},
	);
});
