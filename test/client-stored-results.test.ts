// STORED on the client's side (docs/protocol.md "Messages for someone offline"): it settles the
// SEND, so it is not resent, and the DELIVERED that follows later still reaches the UI; a MSG with
// the stored flag is an event marked as having waited.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ClientEvent} from '../source/client/chat-client.js';
import {createClientEvents} from '../source/client/client-events.js';
import {createIncomingLines} from '../source/client/incoming-lines.js';
import {createPendingSends} from '../source/client/pending-sends.js';
import {encodeStoredMsg, parseHostLine} from '../source/protocol/structured-messages.js';

function setup() {
	const events = createClientEvents();
	const seen: ClientEvent[] = [];
	events.subscribe((event) => seen.push(event));
	const sends = createPendingSends();
	const incoming = createIncomingLines(events, sends);
	return {seen, sends, take: (line: string) => incoming.handle(parseHostLine(line))};
}

test('STORED settles the send; the later DELIVERED still comes through once', () => {
	const {seen, sends, take} = setup();
	sends.add({ref: 'a.1', to: 'bob', text: 'hi'});
	take('STORED a.1 17 18');
	assert.equal(sends.has('a.1'), false, 'not resent after a reconnect');
	take('DELIVERED a.1 17 18');
	take('DELIVERED a.1 17 18');
	assert.deepEqual(seen, [
		{type: 'stored', ref: 'a.1', id: '17', time: 18},
		{type: 'delivered', ref: 'a.1', id: '17', time: 18},
	]);
});

test('a stored MSG is marked; a plain one is not', () => {
	const {seen, take} = setup();
	take(encodeStoredMsg('5', 6, 'alice', 'bob', 'r.1', 'while: away'));
	take('MSG 7 8 alice bob r.2 :now');
	assert.deepEqual(seen, [
		{
			type: 'message',
			id: '5',
			time: 6,
			from: 'alice',
			to: 'bob',
			text: 'while: away',
			stored: true,
		},
		{type: 'message', id: '7', time: 8, from: 'alice', to: 'bob', text: 'now'},
	]);
});

test('a DELIVERED for a ref an earlier run sent is passed on once, for the history', () => {
	const {seen, take} = setup();
	take('DELIVERED old.7 17 18');
	take('DELIVERED old.7 17 18');
	assert.deepEqual(seen, [{type: 'delivered', ref: 'old.7', id: '17', time: 18}]);
});
