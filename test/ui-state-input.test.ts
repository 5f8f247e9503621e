import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_MESSAGE_BYTES} from '../source/client/limits.js';
import {NOT_SENT_NO_PARTNER} from '../source/ui/state/submit-line.js';
import {chatReducer} from '../source/ui/state/chat-reducer.js';
import type {ChatState} from '../source/ui/state/chat-state.js';
import {messageAt} from '../source/ui/state/message-log.js';
import {command, events, submit, texts, type, welcomed} from './helpers/chat-state-driver.js';

const sent = (state: ChatState, localId: number, ref: string) =>
	chatReducer(state, {type: 'sent', localId, ref});

function deliveries(state: ChatState, partner: string): string[] {
	const log = state.conversations.get(partner)?.log;
	if (!log) return [];
	return Array.from({length: log.length}, (_, index) => {
		const delivery = messageAt(log, index)?.delivery;
		return delivery?.state === 'failed' ? `failed: ${delivery.reason}` : (delivery?.state ?? '');
	});
}

test('to:NAME and /to NAME choose a partner, ignoring case', () => {
	assert.equal(submit(welcomed(['bob']), 'to:bob').partner, 'bob');
	assert.equal(submit(welcomed(['Bob']), '/to bob').partner, 'Bob');
	assert.equal(submit(welcomed(['bob']), 'to: bob ').input.text, '');
});

test('an unknown name is an error and the partner stays', () => {
	const state = submit(submit(welcomed(['bob']), 'to:bob'), 'to:zed');
	assert.equal(state.partner, 'bob');
	assert.deepEqual(state.notice, {tone: 'error', text: 'there is no user named zed online'});
	assert.equal(
		submit(welcomed([]), 'to:').notice?.text,
		'to: needs a user name, for example to:bob',
	);
	assert.equal(submit(welcomed([]), 'to:ALICE').notice?.text, 'you cannot chat with yourself');
});

test('Enter with no partner sends nothing, and the line comes back once a partner is chosen', () => {
	const state = submit(welcomed(['bob']), 'hello?');
	assert.equal(state.notice?.text, NOT_SENT_NO_PARTNER);
	assert.deepEqual(state.outbox, []);
	assert.equal(state.input.text, '', 'the input is free for to:NAME');
	assert.deepEqual(state.history, ['hello?']);
	const chosen = submit(state, 'to:bob');
	assert.equal(chosen.partner, 'bob');
	assert.deepEqual(chosen.input, {text: 'hello?', cursor: 'hello?'.length});
	assert.equal(chosen.notice?.text, 'your unsent text is back: Enter sends it to bob');
	const sent = command(chosen, 'submit');
	assert.deepEqual(
		sent.outbox.map(({to, text}) => ({to, text})),
		[{to: 'bob', text: 'hello?'}],
	);
	assert.equal(sent.unsent, undefined);
});

test('sending queues the text for the client and shows it as sending', () => {
	const state = submit(submit(welcomed(['bob']), 'to:bob'), 'hi bob');
	assert.deepEqual(
		state.outbox.map(({to, text}) => ({to, text})),
		[{to: 'bob', text: 'hi bob'}],
	);
	assert.deepEqual(texts(state, 'bob'), ['hi bob']);
	assert.deepEqual(deliveries(state, 'bob'), ['sending']);
	assert.equal(state.input.text, '');
});

test('the input line never grows past what one message can carry', () => {
	let state = type(submit(welcomed(['bob']), 'to:bob'), 'x'.repeat(MAX_MESSAGE_BYTES - 1));
	state = type(state, '€');
	assert.equal(state.input.text.length, MAX_MESSAGE_BYTES - 1);
	assert.equal(
		state.notice?.text,
		`the line is full: a message holds at most ${MAX_MESSAGE_BYTES} bytes`,
	);
	state = command(type(state, 'y'), 'submit');
	assert.equal(state.outbox[0]?.text.length, MAX_MESSAGE_BYTES);
});

test('quit, /quit, Ctrl+C and Ctrl+D on an empty line ask to quit', () => {
	assert.equal(submit(welcomed([]), 'quit').quitRequested, true);
	assert.equal(submit(welcomed([]), '/quit').quitRequested, true);
	assert.equal(command(welcomed([]), 'quit').quitRequested, true);
	assert.equal(command(welcomed([]), 'quit-or-delete').quitRequested, true);
	const typing = command(command(type(welcomed([]), 'ab'), 'line-start'), 'quit-or-delete');
	assert.equal(typing.quitRequested, false);
	assert.equal(typing.input.text, 'b');
});

test('the session closing ends the UI: 0 after quitting, 1 with the reason otherwise', () => {
	const quitting = submit(welcomed([]), 'quit');
	assert.deepEqual(events(quitting, {type: 'closed', code: 'quit', message: 'goodbye'}).ended, {
		exitCode: 0,
	});
	const refused = events(welcomed([]), {
		type: 'closed',
		code: 'name-taken',
		message: 'the name alice is already in use on host:21567',
	});
	assert.deepEqual(refused.ended, {
		exitCode: 1,
		message: 'the name alice is already in use on host:21567',
	});
});

test('Up and Down walk the input history and come back to the draft', () => {
	let state = submit(submit(welcomed(['bob']), 'to:bob'), 'first');
	state = type(submit(state, 'second'), 'draft');
	state = command(state, 'history-previous');
	assert.equal(state.input.text, 'second');
	state = command(state, 'history-previous');
	assert.equal(state.input.text, 'first');
	state = command(state, 'history-previous');
	assert.equal(state.input.text, 'to:bob');
	assert.equal(command(state, 'history-previous').input.text, 'to:bob');
	state = command(command(command(state, 'history-next'), 'history-next'), 'history-next');
	assert.equal(state.input.text, 'draft');
});

test('Tab completes a name after to: and /to, cycling on repeated Tab', () => {
	let state = type(welcomed(['bob', 'Bea', 'carol']), 'to:b');
	state = command(state, 'complete-name');
	assert.equal(state.input.text, 'to:Bea');
	state = command(state, 'complete-name');
	assert.equal(state.input.text, 'to:bob');
	assert.equal(
		command(type(welcomed(['carol']), '/to c'), 'complete-name').input.text,
		'/to carol',
	);
	assert.equal(command(type(welcomed(['carol']), 'c'), 'complete-name').input.text, 'c');
});

test('the help overlay opens by key or /help and swallows other keys until closed', () => {
	let state = command(welcomed(['bob']), 'toggle-help');
	assert.equal(state.helpOpen, true);
	state = command(type(state, 'x'), 'next-user');
	assert.equal(state.input.text, '');
	assert.equal(state.partner, undefined);
	assert.equal(command(state, 'close-overlay').helpOpen, false);
	assert.equal(submit(welcomed([]), '/help').helpOpen, true);
});

test('results from the host update the delivery state of the right message', () => {
	let state = submit(submit(submit(welcomed(['bob']), 'to:bob'), 'one'), 'two');
	const [first, second] = state.outbox;
	assert.ok(first && second);
	state = sent(sent(state, first.localId, 'r1'), second.localId, 'r2');
	assert.deepEqual(state.outbox, []);
	state = events(state, {type: 'held', ref: 'r2', id: '9', time: 0});
	assert.deepEqual(deliveries(state, 'bob'), ['sending', 'held']);
	state = events(
		state,
		{type: 'delivered', ref: 'r1', id: '8', time: 0},
		{type: 'failed', ref: 'r2', code: 'user-left', reason: 'bob left'},
	);
	assert.deepEqual(deliveries(state, 'bob'), ['delivered', 'failed: bob left']);
	assert.equal(state.pending.size, 0);
});

test('a send the client throws on is shown as failed with its reason', () => {
	let state = submit(submit(welcomed(['bob']), 'to:bob'), 'one');
	const [first] = state.outbox;
	assert.ok(first);
	state = chatReducer(state, {
		type: 'send-failed',
		localId: first.localId,
		reason: 'not connected',
	});
	assert.deepEqual(deliveries(state, 'bob'), ['failed: not connected']);
});
