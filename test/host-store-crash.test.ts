// Crash safety, as a property: a child writes random messages, removals and bindings to a store
// and reports each acknowledged write; it is killed with SIGKILL at a random moment, several
// times over, on the same folder. After every kill the store opens, and it holds every
// acknowledged message exactly once, in order, every acknowledged removal and binding, and
// nothing the child never tried; ids keep rising across the restarts.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {test} from 'node:test';
import fc from 'fast-check';
import {openDurableStore} from '../source/host/store/durable-store.js';
import type {WaitingMessage} from '../source/host/store/waiting-messages.js';
import {storeDir} from './helpers/store-dir.js';

const CHILD = new URL('helpers/store-writer-child.ts', import.meta.url).pathname;
/** Kills per folder, and folders: 6 child processes, each a second or more to start when busy. */
const ROUNDS = 3;
const RUNS = 2;
/** The child writes for up to this long before its kill: hundreds of commits. */
const MAX_KILL_AFTER_MS = 400;

type Line =
	| {ready: string | null}
	| {try: 'append'; message: WaitingMessage}
	| {ack: 'append'; message: WaitingMessage}
	| {try: 'remove'; ids: string[]}
	| {ack: 'remove'; ids: string[]}
	| {try: 'bind'; name: string; publicKey: string}
	| {ack: 'bind'; name: string; publicKey: string; bound: boolean; owner: string};

/** JSON has no undefined: a plain sender's message comes without its senderRef. */
function fromJson(message: WaitingMessage): WaitingMessage {
	return {...message, senderRef: message.senderRef};
}

/** What the children said, over all rounds on one folder. */
class Model {
	tried = new Map<string, WaitingMessage>();
	acknowledged = new Map<string, WaitingMessage>();
	removed = new Set<string>();
	/** A removal the child was killed before acknowledging may or may not have committed. */
	maybeRemoved = new Set<string>();
	triedKeys = new Map<string, Set<string>>();
	owners = new Map<string, string>();

	take(line: Line): void {
		if ('try' in line && line.try === 'append')
			this.tried.set(line.message.id, fromJson(line.message));
		if ('ack' in line && line.ack === 'append')
			this.acknowledged.set(line.message.id, fromJson(line.message));
		if ('try' in line && line.try === 'remove')
			for (const id of line.ids) this.maybeRemoved.add(id);
		if ('ack' in line && line.ack === 'remove') for (const id of line.ids) this.removed.add(id);
		if ('try' in line && line.try === 'bind') {
			const keys = this.triedKeys.get(line.name) ?? new Set();
			this.triedKeys.set(line.name, keys.add(line.publicKey));
		}

		if ('ack' in line && line.ack === 'bind') {
			const known = this.owners.get(line.name);
			if (known !== undefined) assert.equal(line.owner, known, `${line.name} changed owner`);
			this.owners.set(line.name, line.owner);
			assert.equal(line.bound, line.owner === line.publicKey);
		}
	}
}

/** Runs the child until `killAfterMs` past its "ready", then SIGKILLs it; the ids it acknowledged. */
async function runAndKill(
	dir: string,
	seed: number,
	killAfterMs: number,
	model: Model,
): Promise<string[]> {
	const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(seed)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = once(child, 'exit');
	const acknowledgedIds: string[] = [];
	const take = (line: Line) => {
		if ('ready' in line) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		if ('ack' in line && line.ack === 'append') acknowledgedIds.push(line.message.id);
		model.take(line);
	};

	child.stdout.setEncoding('utf8');
	let partial = '';
	for await (const chunk of child.stdout as AsyncIterable<string>) {
		const lines = (partial + chunk).split('\n');
		// What follows the last newline was cut off by the kill (or is not all here yet).
		partial = lines.pop() ?? '';
		for (const text of lines) take(JSON.parse(text) as Line);
	}

	const [code, signal] = (await exited) as [number | null, string | null];
	assert.equal(signal, 'SIGKILL', `the child ended on its own (exit code ${code})`);
	return acknowledgedIds;
}

/** Checks the store against what the children said; returns the highest id it has seen. */
async function checkStore(dir: string, model: Model): Promise<bigint> {
	const store = openDurableStore({dir});
	try {
		const recipients = new Set([...model.tried.values()].map((message) => message.recipientKey));
		for (const recipient of recipients) {
			const waiting = store.messages.waitingFor(recipient);
			const ids = waiting.map((message) => message.id);
			const ordered = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
			assert.deepEqual(ids, ordered, 'in id order');
			assert.equal(new Set(ids).size, ids.length, 'each once');
			for (const message of waiting) {
				assert.deepEqual(message, model.tried.get(message.id), 'only what was tried, unchanged');
				assert.ok(!model.removed.has(message.id), `removed ${message.id} is back`);
			}

			const present = new Set(ids);
			for (const [id, message] of model.acknowledged) {
				if (message.recipientKey !== recipient || model.maybeRemoved.has(id)) continue;
				assert.ok(present.has(id), `acknowledged message ${id} was lost`);
			}
		}

		for (const [name, owner] of model.owners) {
			assert.equal(store.names.lookup(name)?.publicKey.toString('hex'), owner, `${name}'s owner`);
		}

		for (const binding of store.names.list()) {
			assert.ok(model.triedKeys.get(binding.name)?.has(binding.publicKey.toString('hex')));
		}

		const highest = BigInt(store.messages.highestId() ?? '0');
		for (const id of model.acknowledged.keys()) assert.ok(BigInt(id) <= highest);
		return highest;
	} finally {
		await store.close();
	}
}

test('SIGKILL at random moments loses no acknowledged write and leaves a store that opens', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.array(fc.integer({min: 0, max: MAX_KILL_AFTER_MS}), {
				minLength: ROUNDS,
				maxLength: ROUNDS,
			}),
			fc.integer({min: 1, max: 2 ** 31}),
			async (kills, seed) => {
				const dir = storeDir();
				const model = new Model();
				let highest = 0n;
				for (const [round, killAfterMs] of kills.entries()) {
					const ids = await runAndKill(dir, seed + round, killAfterMs, model);
					for (const id of ids) assert.ok(BigInt(id) > highest, `id ${id} is not above ${highest}`);
					highest = await checkStore(dir, model);
				}
			},
		),
		// A run costs seconds of child processes: report the first failure, with its error and
		// seed, rather than shrink it for minutes.
		{numRuns: RUNS, endOnFailure: true, includeErrorInReport: true},
	);
});
