import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatCtime} from '../source/protocol/ctime.js';
import {
	createLineModeState,
	handleClientEvent,
	handleInputLine,
	noteSent,
} from '../source/join/line-mode-rules.js';

function loggedIn(follow = true) {
	const state = createLineModeState('alice', follow);
	handleClientEvent(state, {type: 'welcome', name: 'alice', users: ['alice', 'bob', 'Carol']});
	return state;
}

test('text with no partner prints the relay prompt and sends nothing', () => {
	const state = loggedIn();
	assert.deepEqual(handleInputLine(state, 'hello'), {
		kind: 'print',
		line: 'Please input the user who you want to chat with',
	});
});

test('to:NAME chooses an online user, then text goes to them', () => {
	const state = loggedIn();
	assert.deepEqual(handleInputLine(state, 'to:bob'), {kind: 'nothing'});
	assert.deepEqual(handleInputLine(state, 'hi bob'), {kind: 'send', to: 'bob', text: 'hi bob'});
});

test('to: ignores case the way the host does and uses the name as registered', () => {
	const state = loggedIn();
	handleInputLine(state, 'to:carol');
	assert.equal(state.partner, 'Carol');
});

test('to: an unknown user, nobody, or yourself prints the relay error and keeps the partner', () => {
	const state = loggedIn();
	handleInputLine(state, 'to:bob');
	assert.deepEqual(handleInputLine(state, 'to:dave'), {
		kind: 'print',
		line: 'the user dave does not exist',
	});
	assert.deepEqual(handleInputLine(state, 'to:'), {
		kind: 'print',
		line: 'to: needs a user name, for example to:bob',
	});
	assert.deepEqual(handleInputLine(state, 'to:alice'), {
		kind: 'print',
		line: 'you cannot chat with yourself',
	});
	assert.equal(state.partner, 'bob');
});

test('quit quits and empty lines do nothing', () => {
	const state = loggedIn();
	assert.deepEqual(handleInputLine(state, 'quit'), {kind: 'quit'});
	assert.deepEqual(handleInputLine(state, ''), {kind: 'nothing'});
});

test('joins and leaves keep the roster that to: checks', () => {
	const state = loggedIn();
	handleClientEvent(state, {type: 'user-joined', name: 'dave'});
	assert.deepEqual(handleInputLine(state, 'to:dave'), {kind: 'nothing'});
	handleClientEvent(state, {type: 'user-left', name: 'bob'});
	assert.equal(handleInputLine(state, 'to:bob').kind, 'print');
});

test('an incoming message prints in the relay format, sanitised, and its sender becomes the partner', () => {
	const state = loggedIn();
	const time = Date.UTC(2026, 10, 25, 18, 40);
	const line = handleClientEvent(state, {
		type: 'message',
		id: '7',
		time,
		from: 'bob',
		to: 'alice',
		text: 'hi \u001b[2Jthere\u0007',
	});
	assert.equal(line, `[${formatCtime(time)}] bob: hi there`);
	assert.equal(state.partner, 'bob');
	assert.deepEqual(handleInputLine(state, 'yo'), {kind: 'send', to: 'bob', text: 'yo'});
});

test('without following, the partner stays', () => {
	const state = loggedIn(false);
	handleInputLine(state, 'to:Carol');
	handleClientEvent(state, {
		type: 'message',
		id: '1',
		time: 0,
		from: 'bob',
		to: 'alice',
		text: 'x',
	});
	assert.equal(state.partner, 'Carol');
});

test('a failed message prints a line naming the recipient; a delivered one prints nothing', () => {
	const state = loggedIn();
	noteSent(state, 'r1', 'bob');
	noteSent(state, 'r2', 'bob');
	assert.equal(
		handleClientEvent(state, {type: 'failed', ref: 'r1', code: 'user-left', reason: 'bob left'}),
		'message to bob not delivered: bob left',
	);
	assert.equal(
		handleClientEvent(state, {type: 'delivered', ref: 'r2', id: '9', time: 0}),
		undefined,
	);
	assert.equal(state.sentTo.size, 0);
});
