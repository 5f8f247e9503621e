import assert from 'node:assert/strict';
import {test} from 'node:test';
import {onlineCount} from '../source/ui/state/chat-state.js';
import {command, events, message, submit, welcomed} from './helpers/chat-state-driver.js';

test('the list holds everyone but you, sorted, and counts who is online', () => {
	const state = welcomed(['carol', 'Bob', 'dave']);
	assert.deepEqual(state.users, ['Bob', 'carol', 'dave']);
	assert.equal(onlineCount(state), 4);
	assert.equal(state.welcomed, true);
});

test('joins, aways and backs change presence', () => {
	let state = events(welcomed(['bob']), {type: 'user-joined', name: 'carol'});
	assert.deepEqual(state.users, ['bob', 'carol']);
	state = events(state, {type: 'user-away', name: 'bob'});
	assert.equal(state.presence.get('bob'), 'away');
	state = events(state, {type: 'user-back', name: 'bob'});
	assert.equal(state.presence.get('bob'), 'online');
});

test('a user who leaves without a conversation disappears', () => {
	const state = events(welcomed(['bob', 'carol']), {type: 'user-left', name: 'carol'});
	assert.deepEqual(state.users, ['bob']);
});

test('a user who leaves with a conversation stays, offline, until it is closed', () => {
	let state = events(welcomed(['bob', 'carol']), message('carol', 'bye'));
	state = events(state, {type: 'user-left', name: 'carol'});
	assert.deepEqual(state.users, ['carol', 'bob'], 'her conversation numbered first');
	assert.equal(state.presence.get('carol'), 'offline');
	assert.equal(onlineCount(state), 2);
	state = command(state, 'close-conversation');
	assert.deepEqual(state.users, ['bob']);
	assert.equal(state.partner, undefined);
});

test('/close on an online user closes the conversation but keeps the user', () => {
	let state = events(submit(welcomed(['bob']), 'to:bob'), message('bob', 'hi'));
	state = submit(state, '/close');
	assert.equal(state.conversations.has('bob'), false);
	assert.deepEqual(state.users, ['bob']);
	assert.equal(state.notice?.text, 'closed the conversation with bob');
});

test('a welcome after a reconnect keeps offline conversations and refreshes the rest', () => {
	let state = events(welcomed(['bob', 'carol']), message('carol', 'hi'));
	state = events(state, {type: 'welcome', name: 'alice', users: ['alice', 'bob', 'erin']});
	assert.deepEqual(state.users, ['carol', 'bob', 'erin'], 'the open conversation first');
	assert.equal(state.presence.get('carol'), 'offline');
});

test('Ctrl+N and Ctrl+P cycle through the list; Alt+digit jumps to a position', () => {
	let state = welcomed(['bob', 'carol', 'dave']);
	state = command(state, 'next-user');
	assert.equal(state.partner, 'bob');
	state = command(command(state, 'next-user'), 'next-user');
	assert.equal(state.partner, 'dave');
	assert.equal(command(state, 'next-user').partner, 'bob');
	assert.equal(command(state, 'previous-user').partner, 'carol');
	assert.equal(command(welcomed(['bob', 'carol']), 'previous-user').partner, 'carol');
	assert.equal(command(state, 'jump-to-user', '2').partner, 'carol');
	assert.equal(command(state, 'jump-to-user', '9').partner, 'dave', 'no user 9: stays');
});
