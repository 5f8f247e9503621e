// Group commit: the writes of one tick share one commit, each promise settles only after that
// commit, a failed commit rejects every write in it with a reason, and a burst is split.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CommitBatcher, type TransactionEngine} from '../source/host/store/commit-batcher.js';
import {StoreWriteError} from '../source/host/store/store-errors.js';

/** An engine that records what happened, and fails where a test tells it to. */
class FakeEngine implements TransactionEngine {
	log: string[] = [];
	inTransaction = false;
	failCommit: Error | undefined;
	dropTransactionOnFailure = false;

	begin(): void {
		this.log.push('begin');
		this.inTransaction = true;
	}

	commit(): void {
		if (this.failCommit) throw this.failCommit;
		this.log.push('commit');
		this.inTransaction = false;
	}

	rollback(): void {
		this.log.push('rollback');
		this.inTransaction = false;
	}

	fail(code: string): never {
		if (this.dropTransactionOnFailure) this.inTransaction = false;
		throw Object.assign(new Error(code), {code});
	}
}

/** Commits run only when the test says so. */
function manualSchedule(): {schedule: (commit: () => void) => void; runAll: () => void} {
	const waiting: Array<() => void> = [];
	return {
		schedule: (commit) => waiting.push(commit),
		runAll() {
			while (waiting.length > 0) waiting.shift()?.();
		},
	};
}

test('the writes of one tick share one commit, and resolve with their values after it', async () => {
	const engine = new FakeEngine();
	const batcher = new CommitBatcher(engine);
	const settled: string[] = [];
	const writes = [1, 2, 3].map((n) =>
		batcher.write(() => {
			engine.log.push(`write ${n}`);
			return n * 10;
		}),
	);
	for (const write of writes) void write.then((value) => settled.push(`${value}`));
	assert.deepEqual(engine.log, [], 'nothing runs before the tick ends');
	assert.deepEqual(await Promise.all(writes), [10, 20, 30]);
	assert.deepEqual(engine.log, ['begin', 'write 1', 'write 2', 'write 3', 'commit']);
	assert.deepEqual(settled, ['10', '20', '30']);
});

test('no promise resolves before its commit has returned', async () => {
	const engine = new FakeEngine();
	const {schedule, runAll} = manualSchedule();
	const batcher = new CommitBatcher(engine, {schedule});
	let resolved = false;
	const write = batcher
		.write(() => 1)
		.then(() => {
			resolved = true;
		});
	await new Promise((resolve) => setImmediate(resolve));
	assert.equal(resolved, false);
	assert.equal(batcher.pending, 1);
	runAll();
	await write;
	assert.equal(resolved, true);
	assert.equal(batcher.pending, 0);
});

test('writes of a later tick go into a later commit', async () => {
	const engine = new FakeEngine();
	const batcher = new CommitBatcher(engine);
	await batcher.write(() => 1);
	await batcher.write(() => 2);
	assert.deepEqual(engine.log, ['begin', 'commit', 'begin', 'commit']);
});

test('a failed commit rolls back and rejects every write in it with the failure', async () => {
	const engine = new FakeEngine();
	engine.failCommit = Object.assign(new Error('disk full'), {code: 'SQLITE_FULL'});
	const observed: boolean[] = [];
	const batcher = new CommitBatcher(engine, {onCommit: ({ok}) => observed.push(ok)});
	const results = await Promise.allSettled([batcher.write(() => 1), batcher.write(() => 2)]);
	for (const result of results) {
		assert.equal(result.status, 'rejected');
		const reason = (result as PromiseRejectedResult).reason as StoreWriteError;
		assert.ok(reason instanceof StoreWriteError);
		assert.equal(reason.failure, 'store-full');
		assert.equal(reason.message, "the host's disk is full, so the message was not kept");
	}

	assert.deepEqual(engine.log, ['begin', 'rollback']);
	assert.deepEqual(observed, [false]);
	// The next tick tries again: a disk that has room again takes writes again.
	engine.failCommit = undefined;
	assert.equal(await batcher.write(() => 3), 3);
});

test('a write that fails on its own rejects alone; the others commit', async () => {
	const engine = new FakeEngine();
	const batcher = new CommitBatcher(engine);
	const results = await Promise.allSettled([
		batcher.write(() => 1),
		batcher.write(() => engine.fail('SQLITE_CONSTRAINT_CHECK')),
		batcher.write(() => 3),
	]);
	assert.deepEqual(
		results.map((result) => result.status),
		['fulfilled', 'rejected', 'fulfilled'],
	);
	assert.equal(
		((results[1] as PromiseRejectedResult).reason as StoreWriteError).failure,
		'store-failed',
	);
	assert.deepEqual(engine.log, ['begin', 'commit']);
});

test('a write whose failure ended the transaction fails the whole commit', async () => {
	const engine = new FakeEngine();
	engine.dropTransactionOnFailure = true;
	const batcher = new CommitBatcher(engine);
	let ranAfter = false;
	const results = await Promise.allSettled([
		batcher.write(() => 1),
		batcher.write(() => engine.fail('SQLITE_FULL')),
		batcher.write(() => {
			ranAfter = true;
		}),
	]);
	assert.deepEqual(
		results.map((result) => result.status),
		['rejected', 'rejected', 'rejected'],
	);
	assert.equal(ranAfter, false);
	for (const result of results) {
		assert.equal(
			((result as PromiseRejectedResult).reason as StoreWriteError).failure,
			'store-full',
		);
	}
});

test('a begin that fails rejects the writes without running them', async () => {
	const engine = new FakeEngine();
	engine.begin = () => {
		throw Object.assign(new Error('database is locked'), {code: 'SQLITE_BUSY'});
	};
	const batcher = new CommitBatcher(engine);
	let ran = false;
	await assert.rejects(
		batcher.write(() => {
			ran = true;
		}),
		(error: StoreWriteError) => error.failure === 'store-busy',
	);
	assert.equal(ran, false);
});

test('a burst is split into commits of at most maxWritesPerCommit, one per tick', async () => {
	const engine = new FakeEngine();
	const sizes: number[] = [];
	const batcher = new CommitBatcher(engine, {
		maxWritesPerCommit: 4,
		onCommit: ({writes}) => sizes.push(writes),
	});
	const writes = Array.from({length: 10}, (_, n) => batcher.write(() => n));
	assert.deepEqual(await Promise.all(writes), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	assert.deepEqual(sizes, [4, 4, 2]);
});

test('close commits what is queued, then refuses writes with store-closed', async () => {
	const engine = new FakeEngine();
	const {schedule} = manualSchedule();
	const batcher = new CommitBatcher(engine, {schedule});
	const queued = batcher.write(() => 'kept');
	batcher.close();
	assert.equal(await queued, 'kept');
	await assert.rejects(
		batcher.write(() => 'late'),
		(error: StoreWriteError) =>
			error.failure === 'store-closed' &&
			error.message === 'the host is shutting down, so the message was not kept',
	);
});
