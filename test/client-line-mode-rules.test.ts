import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatCtime} from '../source/protocol/ctime.js';
import {
	createLineModeState,
	handleClientEvent,
	handleInputLine,
	lineModeExitCode,
	noteSent,
	noteUnanswered,
} from '../source/join/line-mode-rules.js';
import {EXIT_FAILURE, EXIT_NOT_DELIVERED} from '../source/exit-codes.js';

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

test('to: an unknown user, nobody, or yourself prints the relay error and leaves no partner', () => {
	for (const [line, refusal] of [
		['to:dave', 'the user dave does not exist'],
		['to:', 'to: needs a user name, for example to:bob'],
		['to:alice', 'you cannot chat with yourself'],
	] as const) {
		const state = loggedIn();
		handleInputLine(state, 'to:bob');
		assert.deepEqual(handleInputLine(state, line), {kind: 'print', line: refusal});
		assert.equal(state.partner, undefined, line);
		// What follows is refused, not sent to bob, whom the script no longer means.
		assert.deepEqual(handleInputLine(state, 'lost msg'), {
			kind: 'print',
			line: 'Please input the user who you want to chat with',
		});
		assert.equal(lineModeExitCode(state, false), EXIT_NOT_DELIVERED);
	}
});

test('the exit code: 0 when every line did what it said, 3 after a refusal or a failure, 1 when the session failed', () => {
	const clean = loggedIn();
	handleInputLine(clean, 'to:bob');
	noteSent(clean, 'r1', 'bob');
	handleClientEvent(clean, {type: 'delivered', ref: 'r1', id: '1', time: 0});
	assert.equal(lineModeExitCode(clean, false), 0);
	assert.equal(lineModeExitCode(clean, true), EXIT_FAILURE);

	const failed = loggedIn();
	noteSent(failed, 'r1', 'bob');
	handleClientEvent(failed, {type: 'failed', ref: 'r1', code: 'user-left', reason: 'bob left'});
	assert.equal(lineModeExitCode(failed, false), EXIT_NOT_DELIVERED);

	const unanswered = loggedIn();
	noteSent(unanswered, 'r1', 'bob');
	noteUnanswered(unanswered);
	assert.equal(lineModeExitCode(unanswered, false), EXIT_NOT_DELIVERED);

	const refused = loggedIn();
	handleInputLine(refused, 'hello');
	assert.equal(lineModeExitCode(refused, false), EXIT_NOT_DELIVERED);
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
