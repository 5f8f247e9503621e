import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createOutgoingMessages} from '../source/client/outgoing-messages.js';

function maker() {
	let count = 0;
	return () => `p${++count}`;
}

test('a one-part message goes as the SEND it always was, with the message ref', () => {
	const outgoing = createOutgoingMessages(maker());
	outgoing.add({ref: 'm1', to: 'bob', parts: [{text: 'hi'}], action: false});
	assert.deepEqual(outgoing.takePart(), {ref: 'm1', to: 'bob', text: 'hi'});
	assert.equal(outgoing.takePart(), undefined);
	const delivered = {type: 'delivered', ref: 'm1', id: '5', time: 9} as const;
	assert.deepEqual(outgoing.settle(delivered), [delivered]);
	assert.equal(outgoing.size, 0);
});

test('parts get refs of their own; their results make progress, then one result', () => {
	const outgoing = createOutgoingMessages(maker());
	const parts = [{text: 'a', more: 1}, {text: 'b', more: 0}, {text: 'c'}];
	outgoing.add({ref: 'm1', to: 'bob', parts, action: true});
	const wire = [outgoing.takePart(), outgoing.takePart(), outgoing.takePart()];
	assert.deepEqual(wire, [
		{ref: 'm1', to: 'bob', text: 'a', options: {action: true, more: 1}},
		{ref: 'p1', to: 'bob', text: 'b', options: {action: true, more: 0}},
		{ref: 'p2', to: 'bob', text: 'c', options: {action: true}},
	]);
	const result = (ref: string) => outgoing.settle({type: 'delivered', ref, id: '1', time: 2});
	assert.deepEqual(result('m1'), [{type: 'progress', ref: 'm1', sent: 1, total: 3}]);
	assert.deepEqual(result('p1'), [{type: 'progress', ref: 'm1', sent: 2, total: 3}]);
	assert.deepEqual(result('p2'), [{type: 'delivered', ref: 'm1', id: '1', time: 2}]);
	assert.equal(outgoing.size, 0);
});

test('a failed part fails its message once, and its parts not yet sent never go', () => {
	const outgoing = createOutgoingMessages(maker());
	const parts = [{text: 'a', more: 1}, {text: 'b', more: 1}, {text: 'c'}];
	outgoing.add({ref: 'm1', to: 'bob', parts, action: false});
	outgoing.add({ref: 'm2', to: 'carol', parts: [{text: 'next'}], action: false});
	outgoing.takePart();
	outgoing.takePart();
	const failed = outgoing.settle({
		type: 'failed',
		ref: 'm1',
		code: 'user-left',
		reason: 'bob left',
	});
	assert.deepEqual(failed, [
		{
			type: 'failed',
			ref: 'm1',
			code: 'user-left',
			reason: 'bob left (0 of 3 parts were delivered)',
		},
	]);
	assert.deepEqual(
		outgoing.settle({type: 'failed', ref: 'p1', code: 'user-left', reason: 'x'}),
		[],
	);
	// The next message's part comes next, not the rest of the failed one.
	assert.equal(outgoing.takePart()?.ref, 'm2');
	assert.deepEqual(outgoing.drain(), ['m2']);
});

test('HELD is said once for a message, and results of refs not ours pass through', () => {
	const outgoing = createOutgoingMessages(maker());
	outgoing.add({ref: 'm1', to: 'bob', parts: [{text: 'a', more: 1}, {text: 'b'}], action: false});
	outgoing.takePart();
	outgoing.takePart();
	const held = (ref: string) => outgoing.settle({type: 'held', ref, id: '1', time: 2});
	assert.deepEqual(held('m1'), [{type: 'held', ref: 'm1', id: '1', time: 2}]);
	assert.deepEqual(held('p1'), []);
	const stranger = {type: 'delivered', ref: 'zz', id: '1', time: 2} as const;
	assert.deepEqual(outgoing.settle(stranger), [stranger]);
});
