// The cluster's outbox (source/host/cluster/frame-outbox.ts): what one tick sends a host goes in
// one PUBLISH; a flood goes in payloads of at most PUBLISH_BATCH_CHARS (and one frame), in order,
// with no more than PUBLISHES_IN_FLIGHT unanswered; a batch nobody takes fails its messages.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {goneUser} from '../source/host/cluster/cluster-routing.js';
import {hostChannel} from '../source/host/cluster/cluster-keys.js';
import {PUBLISHES_IN_FLIGHT, PUBLISH_BATCH_CHARS} from '../source/host/cluster/cluster-limits.js';
import {FrameOutbox, type Publisher} from '../source/host/cluster/frame-outbox.js';
import type {Delivery} from '../source/host/relay/user.js';

type Sent = {channel: string; payload: string; answer(receivers: number): void};

/** A publisher whose PUBLISHes wait until the test answers them. */
function heldPublisher(): {publisher: Publisher; sent: Sent[]; unanswered(): number} {
	const sent: Sent[] = [];
	let unanswered = 0;
	const publisher: Publisher = {
		async publish(channel, payload) {
			unanswered++;
			return new Promise<number>((resolve) => {
				sent.push({
					channel,
					payload,
					answer(receivers) {
						unanswered--;
						resolve(receivers);
					},
				});
			});
		},
	};
	return {publisher, sent, unanswered: () => unanswered};
}

const tick = async () => new Promise<void>((resolve) => setImmediate(resolve));

function delivery(id: string): Delivery {
	return {
		id,
		time: 1,
		sender: goneUser('alice', 'alice'),
		ref: undefined,
		recipient: goneUser('bob', 'bob'),
		line: `line ${id}`,
	};
}

test("one tick's frames for a host go in one PUBLISH on its channel, in order", async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, () => assert.fail('nothing is lost'));
	outbox.push('hB', 'm\t1');
	outbox.push('hC', 'm\t2');
	outbox.push('hB', 'a\t3');
	assert.equal(sent.length, 0, 'nothing leaves before the end of the tick');
	await tick();
	assert.deepEqual(
		sent.map(({channel, payload}) => [channel, payload]),
		[
			[hostChannel('hB'), 'm\t1\na\t3'],
			[hostChannel('hC'), 'm\t2'],
		],
	);
});

test('a flood goes in bounded payloads, in order, with a bounded number unanswered', async () => {
	const {publisher, sent, unanswered} = heldPublisher();
	const outbox = new FrameOutbox(publisher, () => assert.fail('nothing is lost'));
	const frame = (index: number) => `m\t${String(index).padStart(6, '0')}\t${'x'.repeat(90)}`;
	const count = Math.ceil((PUBLISH_BATCH_CHARS * (PUBLISHES_IN_FLIGHT + 3)) / 100);
	for (let index = 0; index < count; index++) outbox.push('hB', frame(index));
	await tick();
	assert.equal(unanswered(), PUBLISHES_IN_FLIGHT, 'the rest waits for a free place');
	const flushed = outbox.flushNow();
	// Answer each PUBLISH as it comes, until everything is out.
	for (let answered = 0; answered < sent.length; answered++) {
		assert.ok(unanswered() <= PUBLISHES_IN_FLIGHT);
		sent[answered]?.answer(1);
		await tick();
	}

	await flushed;
	const frames = sent.flatMap(({payload}) => payload.split('\n'));
	assert.deepEqual(
		frames,
		Array.from({length: count}, (_, index) => frame(index)),
	);
	for (const {payload} of sent) assert.ok(payload.length < PUBLISH_BATCH_CHARS + frame(0).length);
	assert.ok(sent.length > PUBLISHES_IN_FLIGHT);
});

test('the messages of a batch nobody listens to, or Redis refused, are lost with a reason', async () => {
	const lost: Array<[string[], string]> = [];
	let refuse = false;
	const publisher: Publisher = {
		async publish() {
			if (refuse) throw new Error('the connection is closed');
			return 0;
		},
	};
	const outbox = new FrameOutbox(publisher, (deliveries, why) => {
		lost.push([deliveries.map((each) => each.id), why]);
	});
	outbox.push('hB', 'm\t1', delivery('1'));
	outbox.push('hB', 'p\tbob\talice');
	outbox.push('hB', 'm\t2', delivery('2'));
	await outbox.flushNow();
	refuse = true;
	outbox.push('hB', 'm\t3', delivery('3'));
	await outbox.flushNow();
	assert.deepEqual(lost, [
		[['1', '2'], 'is not answering'],
		[['3'], 'cannot be reached: the cluster lost its Redis'],
	]);
});

test('what waits for a host that is gone is not sent', async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, () => assert.fail('nothing is lost'));
	outbox.push('hB', 'm\t1');
	outbox.forget('hB');
	outbox.push('hC', 'm\t2');
	await tick();
	assert.deepEqual(
		sent.map(({channel}) => channel),
		[hostChannel('hC')],
	);
});
