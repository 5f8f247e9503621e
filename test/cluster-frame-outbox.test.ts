// The cluster's outbox (source/host/cluster/frame-outbox.ts): what one tick sends a host goes in
// one PUBLISH; a flood goes in payloads of at most PUBLISH_BATCH_CHARS (and one frame), in order,
// never more than UNANSWERED_CHARS_PER_HOST of messages ahead of the host's answers (and one
// batch); a
// shutdown sends everything; a batch nobody takes fails its messages.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {goneUser} from '../source/host/cluster/cluster-routing.js';
import {hostChannel} from '../source/host/cluster/cluster-keys.js';
import {
	PUBLISHES_IN_FLIGHT,
	PUBLISH_BATCH_CHARS,
	UNANSWERED_CHARS_PER_HOST,
} from '../source/host/cluster/cluster-limits.js';
import {
	FrameOutbox,
	type OutboxRouting,
	type Publisher,
} from '../source/host/cluster/frame-outbox.js';
import type {Forwarded} from '../source/host/cluster/pending-answers.js';
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

/** A routing with nothing waiting on any host, where nothing may be lost. */
const idle: OutboxRouting = {
	waitingOn: () => 0,
	lost: () => assert.fail('nothing is lost'),
};

const tick = async () => new Promise<void>((resolve) => setImmediate(resolve));

/** A publisher Redis answers at once, as one that keeps up. */
function answeringPublisher(): {publisher: Publisher; sent: string[]} {
	const sent: string[] = [];
	return {
		sent,
		publisher: {
			async publish(_channel, payload) {
				sent.push(payload);
				return 1;
			},
		},
	};
}

/** Turns of the event loop until nothing more is published. */
async function settle(sent: readonly unknown[]): Promise<void> {
	let before = -1;
	while (before !== sent.length) {
		before = sent.length;
		await tick();
		await tick();
	}
}

/** A message on its way, as the routing hands it to the outbox. */
function delivery(id: string, line = `line ${id}`): Forwarded {
	const message: Delivery = {
		id,
		time: 1,
		sender: goneUser('alice', 'alice'),
		ref: undefined,
		recipient: goneUser('bob', 'bob'),
		line,
	};
	return {delivery: message, seq: Number(id)};
}

test("one tick's frames for a host go in one PUBLISH on its channel, in order", async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
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

test('a flood goes in bounded payloads, in order, and waits for the answers past the window', async () => {
	const {publisher, sent} = answeringPublisher();
	let waiting = 0;
	const outbox = new FrameOutbox(publisher, {waitingOn: () => waiting, lost: idle.lost});
	const frame = (index: number) => `m\t${String(index).padStart(6, '0')}\t${'x'.repeat(90)}`;
	const line = 'x'.repeat(100);
	const window = Math.floor(UNANSWERED_CHARS_PER_HOST / line.length);
	const count = window * 3;
	for (let index = 0; index < count; index++) {
		// Every message waits on the host's answer from the moment it is stamped.
		waiting += line.length;
		outbox.push('hB', frame(index), delivery(String(index), line));
	}

	await settle(sent);
	const published = () => sent.reduce((sum, payload) => sum + payload.split('\n').length, 0);
	const batch = Math.ceil(PUBLISH_BATCH_CHARS / frame(0).length);
	assert.ok(published() >= window - batch, 'the window is used');
	assert.ok(published() < window + batch, 'the rest waits for answers');
	// The host answers everything published so far; what waited goes, a window at a time.
	let answered = 0;
	while (answered < count) {
		const out = published();
		assert.ok(out > answered, 'answers let more go');
		assert.ok(out - answered < window + batch);
		waiting -= (out - answered) * line.length;
		answered = out;
		outbox.resume('hB');
		await settle(sent);
	}

	const frames = sent.flatMap((payload) => payload.split('\n'));
	assert.deepEqual(
		frames,
		Array.from({length: count}, (_, index) => frame(index)),
	);
	for (const payload of sent) assert.ok(payload.length < PUBLISH_BATCH_CHARS + frame(0).length);
});

test('at most PUBLISHES_IN_FLIGHT unanswered per host; what comes meanwhile joins the next', async () => {
	const {publisher, sent, unanswered} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
	for (let tickIndex = 0; tickIndex < PUBLISHES_IN_FLIGHT + 3; tickIndex++) {
		outbox.push('hB', `m\t${tickIndex}`);
		await tick();
	}

	assert.equal(unanswered(), PUBLISHES_IN_FLIGHT);
	sent[0]?.answer(1);
	await tick();
	// The three ticks that waited go in one payload.
	assert.deepEqual(sent.at(-1)?.payload.split('\n'), [
		`m\t${PUBLISHES_IN_FLIGHT}`,
		`m\t${PUBLISHES_IN_FLIGHT + 1}`,
		`m\t${PUBLISHES_IN_FLIGHT + 2}`,
	]);
	assert.equal(unanswered(), PUBLISHES_IN_FLIGHT);
});

test('a shutdown publishes everything, whatever the answers', async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, {
		waitingOn: () => UNANSWERED_CHARS_PER_HOST * 2,
		lost: idle.lost,
	});
	outbox.push('hB', 'm\t1', delivery('1'));
	const flushed = outbox.flushNow();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		['m\t1'],
	);
	sent[0]?.answer(1);
	await flushed;
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
	const outbox = new FrameOutbox(publisher, {
		waitingOn: () => 0,
		lost(forwarded, why) {
			lost.push([forwarded.map((each) => each.delivery.id), why]);
		},
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
	const outbox = new FrameOutbox(publisher, idle);
	outbox.push('hB', 'm\t1');
	outbox.forget('hB');
	outbox.push('hC', 'm\t2');
	await tick();
	assert.deepEqual(
		sent.map(({channel}) => channel),
		[hostChannel('hC')],
	);
});

test('answers go at the end of the tick even while messages wait for the window', async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, {
		waitingOn: () => UNANSWERED_CHARS_PER_HOST * 2,
		lost: idle.lost,
	});
	outbox.push('hB', 'm\t1', delivery('1'));
	outbox.pushAnswer('hB', 'a\t7\td\t\t');
	outbox.pushAnswer('hB', 'a\t8\td\t\t');
	await tick();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		['a\t7\td\t\t\na\t8\td\t\t'],
	);
});

test("a tick's answers ride in the payload of its messages for the same host", async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
	outbox.push('hB', 'm\t1', delivery('1'));
	outbox.pushAnswer('hB', 'a\t7\td\t\t');
	await tick();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		['a\t7\td\t\t\nm\t1'],
	);
});

test("the messages handed over go as one `d` frame of runs, first in the answers' payload", async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
	for (const seq of [4, 5, 6, 9, 11, 12]) outbox.pushDelivered('hB', seq);
	outbox.pushAnswer('hB', 'a\t7\t\tf\tuser-left\tgone');
	outbox.push('hB', 'm\t1', delivery('1'));
	await tick();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		['d\t4-6,9,11-12\na\t7\t\tf\tuser-left\tgone\nm\t1'],
	);
});

test('answers do not wait for the PUBLISHes of messages in flight', async () => {
	const {publisher, sent, unanswered} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
	for (let tickIndex = 0; tickIndex < PUBLISHES_IN_FLIGHT; tickIndex++) {
		outbox.push('hB', `m\t${tickIndex}`);
		await tick();
	}

	outbox.pushDelivered('hB', 7);
	await tick();
	assert.equal(unanswered(), PUBLISHES_IN_FLIGHT + 1);
	assert.equal(sent.at(-1)?.payload, 'd\t7');
});
