// A DELIVERED for a message an earlier session sent reaches the screen as the history found it:
// its conversation's stored display name and the message's uid.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialChatState} from '../source/ui/state/chat-state.js';
import {addMessages, deliveredEarlier} from '../source/ui/state/conversation-updates.js';
import {messageAt} from '../source/ui/state/message-log.js';

function withStoredForBob(shownAs: string) {
	const start = initialChatState({self: 'alice', follow: true, past: new Map()});
	const {state} = addMessages(start, shownAs, [
		{
			time: 1,
			from: 'alice',
			text: 'for later',
			uid: 's.1',
			delivery: {state: 'stored', recipient: 'Bob'},
		},
		{time: 2, from: 'alice', text: 'lost', uid: 's.2', delivery: {state: 'failed', reason: 'x'}},
	]);
	return state;
}

const states = (state: ReturnType<typeof withStoredForBob>, partner: string) => {
	const log = state.conversations.get(partner)?.log;
	assert.ok(log, `a conversation with ${partner}`);
	return [0, 1].map((index) => messageAt(log, index)?.delivery?.state);
};

test('the message the history names reads delivered, the others as they were', () => {
	const state = deliveredEarlier(withStoredForBob('Bob'), 'Bob', 's.1');
	assert.deepEqual(states(state, 'Bob'), ['delivered', 'failed']);
});

test('a conversation shown under another spelling of the same name is found by its key', () => {
	// Fullwidth letters and another case: the same name to the host and the history.
	const state = deliveredEarlier(withStoredForBob('Bob'), 'ＢＯＢ', 's.1');
	assert.deepEqual(states(state, 'Bob'), ['delivered', 'failed']);
});

test('an unknown conversation or uid changes nothing', () => {
	const before = withStoredForBob('Bob');
	assert.equal(deliveredEarlier(before, 'carol', 's.1'), before);
	assert.equal(deliveredEarlier(before, 'Bob', 's.9'), before);
});
