// The one way out of `chat join` (source/join/exit-cleanup.ts): who hears a signal, in which
// order, and that every restore runs once and every handler goes away.
import assert from 'node:assert/strict';
import process from 'node:process';
import {test} from 'node:test';
import {registerCleanup} from '../source/join/exit-cleanup.js';
import {ENDING_SIGNALS, type EndingSignal} from '../source/exit-codes.js';

function listenerCounts(): number[] {
	return ENDING_SIGNALS.map((signal) => process.listenerCount(signal));
}

test('each ending signal reaches every registered step, the newest first', () => {
	const heard: string[] = [];
	const endOuter = registerCleanup({onSignal: (signal) => heard.push(`outer ${signal}`)});
	const endInner = registerCleanup({onSignal: (signal) => heard.push(`inner ${signal}`)});
	for (const signal of ENDING_SIGNALS) process.emit(signal);
	endInner();
	endOuter();
	assert.deepEqual(
		heard,
		ENDING_SIGNALS.flatMap((signal: EndingSignal) => [`inner ${signal}`, `outer ${signal}`]),
	);
});

test('ending a step runs its restore once; the handlers leave with the last step', () => {
	const before = listenerCounts();
	const restored: string[] = [];
	const endFirst = registerCleanup({onSignal() {}, restore: () => restored.push('first')});
	const endSecond = registerCleanup({onSignal() {}, restore: () => restored.push('second')});
	assert.deepEqual(
		listenerCounts(),
		before.map((count) => count + 1),
	);
	endFirst();
	endFirst();
	assert.deepEqual(restored, ['first']);
	assert.deepEqual(
		listenerCounts(),
		before.map((count) => count + 1),
	);
	endSecond();
	assert.deepEqual(restored, ['first', 'second']);
	assert.deepEqual(listenerCounts(), before);
	process.emit('SIGTERM');
	assert.deepEqual(restored, ['first', 'second'], 'an ended step hears nothing more');
});

test('a restore that throws (the terminal is gone) does not stop the way out', () => {
	const before = listenerCounts();
	const end = registerCleanup({
		onSignal() {},
		restore() {
			throw new Error('EIO');
		},
	});
	assert.doesNotThrow(end);
	assert.deepEqual(listenerCounts(), before);
});
