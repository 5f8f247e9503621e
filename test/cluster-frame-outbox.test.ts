// The cluster's outbox (source/host/cluster/frame-outbox.ts): what one tick sends a host goes in
// one PUBLISH; a flood goes in payloads of about PUBLISH_BATCH_CHARS (at most one frame more), in
// order, never more than UNANSWERED_CHARS_PER_HOST of messages ahead of the host's answers (and
// one batch); a shutdown sends everything; a batch nobody takes fails its messages.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {goneUser} from '../source/host/cluster/cluster-routing.js';
import {hostChannel} from '../source/host/cluster/cluster-keys.js';
import {
	ANSWER_LINGER_MAX,
	ANSWER_LINGER_MS,
	PUBLISHES_IN_FLIGHT,
	PUBLISH_BATCH_CHARS,
	PUBLISH_TIMEOUT_MS,
	UNANSWERED_CHARS_PER_HOST,
} from '../source/host/cluster/cluster-limits.js';
import {
	FrameOutbox,
	type OutboxRouting,
	type Publisher,
} from '../source/host/cluster/frame-outbox.js';
import {decodeHostFrames, encodeHostFrame} from '../source/host/cluster/host-frames.js';
import type {Forwarded} from '../source/host/cluster/pending-answers.js';
import type {Delivery} from '../source/host/relay/user.js';
import {until} from './helpers/cluster.js';

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

/** The frame the outbox writes for `forwarded`, stamped on host A. */
function messageFrame({
	delivery: {id, time, ref, sender, recipient, line},
	seq,
}: Forwarded): string {
	const fromKey = sender.key;
	const fromName = sender.name;
	const toKey = recipient.key;
	return encodeHostFrame({
		kind: 'm',
		seq,
		id,
		time,
		ref,
		fromKey,
		fromName,
		toKey,
		origin: 'hA',
		line,
		plainText: false,
	});
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
	const line = 'x'.repeat(100);
	const forwarded = (index: number) => delivery(String(index), line);
	const frameChars = messageFrame(forwarded(0)).length + 1;
	const window = Math.floor(UNANSWERED_CHARS_PER_HOST / line.length);
	const count = window * 3;
	for (let index = 0; index < count; index++) {
		// Every message waits on the host's answer from the moment it is stamped.
		waiting += line.length;
		outbox.pushMessage('hB', forwarded(index), 'hA');
	}

	await settle(sent);
	const published = () => sent.reduce((sum, payload) => sum + payload.split('\n').length, 0);
	const batch = Math.ceil(PUBLISH_BATCH_CHARS / frameChars);
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

	const ids = sent.flatMap((payload) =>
		decodeHostFrames(payload).map((frame) => (frame.kind === 'm' ? frame.id : frame.kind)),
	);
	assert.deepEqual(
		ids,
		Array.from({length: count}, (_, index) => String(index)),
	);
	// A payload's first frame names the sender and recipient; the rest continue it.
	for (const payload of sent) {
		const kinds = payload.split('\n').map((frame) => frame.slice(0, 1));
		assert.deepEqual(kinds, ['m', ...Array.from({length: kinds.length - 1}, () => 'c')]);
	}

	assert.deepEqual(
		decodeHostFrames(sent[1] ?? '')[1],
		decodeHostFrames(messageFrame(forwarded(decodeHostFrames(sent[0] ?? '').length + 1)))[0],
		'a continued frame reads back as the whole one',
	);
	for (const payload of sent) assert.ok(payload.length < PUBLISH_BATCH_CHARS + frameChars);
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
	outbox.pushMessage('hB', delivery('1'), 'hA');
	const flushed = outbox.flushNow();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		[messageFrame(delivery('1'))],
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
	outbox.pushMessage('hB', delivery('1'), 'hA');
	outbox.push('hB', 'p\tbob\talice');
	outbox.pushMessage('hB', delivery('2'), 'hA');
	await outbox.flushNow();
	refuse = true;
	outbox.pushMessage('hB', delivery('3'), 'hA');
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
	outbox.pushMessage('hB', delivery('1'), 'hA');
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
	outbox.pushMessage('hB', delivery('1'), 'hA');
	outbox.pushAnswer('hB', 'a\t7\td\t\t');
	await tick();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		[`a\t7\td\t\t\n${messageFrame(delivery('1'))}`],
	);
});

test("the messages handed over go as one `d` frame of runs, first in the answers' payload", async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
	for (const seq of [4, 5, 6, 9, 11, 12]) outbox.pushDelivered('hB', seq);
	outbox.pushAnswer('hB', 'a\t7\t\tf\tuser-left\tgone');
	outbox.pushMessage('hB', delivery('1'), 'hA');
	await tick();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		[`d\t4-6,9,11-12\na\t7\t\tf\tuser-left\tgone\n${messageFrame(delivery('1'))}`],
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
	await until(() => unanswered() === PUBLISHES_IN_FLIGHT + 1, 'the answer to go');
	assert.equal(sent.at(-1)?.payload, 'd\t7');
});

test('a few answers wait up to ANSWER_LINGER_MS for messages to ride with, a failure or many at once go at the end of the tick', async () => {
	const {publisher, sent} = heldPublisher();
	const outbox = new FrameOutbox(publisher, idle);
	outbox.pushDelivered('hB', 1);
	await tick();
	await tick();
	assert.equal(sent.length, 0, 'a lone answer lingers');
	outbox.pushMessage('hB', delivery('2'), 'hA');
	await tick();
	assert.deepEqual(
		sent.map(({payload}) => payload),
		[`d\t1\n${messageFrame(delivery('2'))}`],
		'it rides in the next payload of messages',
	);

	const started = performance.now();
	outbox.pushDelivered('hC', 3);
	await until(() => sent.length === 2, 'the lingering answer');
	assert.ok(performance.now() - started >= ANSWER_LINGER_MS - 1, 'no earlier than the linger');
	assert.equal(sent[1]?.payload, 'd\t3', 'with no messages it goes alone once the linger ends');

	for (let seq = 0; seq < ANSWER_LINGER_MAX; seq++) outbox.pushDelivered('hB', 10 + seq);
	outbox.pushAnswer('hC', 'a\t7\t\tf\tuser-left\tgone');
	await tick();
	assert.deepEqual(
		sent.slice(2).map(({payload}) => payload),
		[`d\t10-${9 + ANSWER_LINGER_MAX}`, 'a\t7\t\tf\tuser-left\tgone'],
		'a flood of answers and a failure go at once',
	);
});

test('a PUBLISH Redis does not answer in PUBLISH_TIMEOUT_MS fails its messages once, and what waited goes', async () => {
	const {publisher, sent, unanswered} = heldPublisher();
	const lost: Array<[string[], string]> = [];
	const outbox = new FrameOutbox(publisher, {
		waitingOn: () => 0,
		lost(forwarded, why) {
			lost.push([forwarded.map((each) => each.delivery.id), why]);
		},
	});
	for (let index = 0; index < PUBLISHES_IN_FLIGHT; index++) {
		outbox.pushMessage('hB', delivery(String(index)), 'hA');
		await tick();
	}

	outbox.pushMessage('hB', delivery('9'), 'hA');
	await tick();
	assert.equal(sent.length, PUBLISHES_IN_FLIGHT, 'the third waits for one of the two in flight');
	outbox.failOverdue(Date.now() + PUBLISH_TIMEOUT_MS - 1000);
	assert.equal(lost.length, 0, 'not overdue yet');
	outbox.failOverdue(Date.now() + PUBLISH_TIMEOUT_MS);
	assert.deepEqual(
		lost.map(([ids]) => ids),
		Array.from({length: PUBLISHES_IN_FLIGHT}, (_, index) => [String(index)]),
	);
	assert.ok(
		lost.every(([, why]) => why === "cannot be reached: the cluster's Redis is not answering"),
	);
	await tick();
	assert.equal(sent.length, PUBLISHES_IN_FLIGHT + 1, 'what waited went');
	// The late answers change nothing: each message was failed once.
	for (const each of sent) each.answer(1);
	await tick();
	assert.equal(lost.length, PUBLISHES_IN_FLIGHT);
	assert.equal(unanswered(), 0);
	await outbox.flushNow();
});
