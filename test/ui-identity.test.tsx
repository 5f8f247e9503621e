// Who you are talking to beyond the name (docs/protocol.md "Identity"): the partner's short key
// fingerprint in the conversation header, /whois NAME, and the sentence for a name owned by
// another key.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {refusalSentence} from '../source/client/closing-sentences.js';
import {type ChatHarness, keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const BOB = 'SHA256:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';

/** Alice is welcomed with bob, who has a key, and carol, who has none. */
function welcomeWithBobsKey(chat: ChatHarness): void {
	chat.client.emit({
		type: 'welcome',
		name: 'alice',
		users: ['alice', 'bob', 'carol'],
		fingerprints: new Map([['bob', BOB]]),
	});
}

test("the conversation header shows the partner's short fingerprint, and none for a keyless one", async () => {
	const chat = renderChat();
	welcomeWithBobsKey(chat);
	await chat.submit('to:bob');
	const header = await chat.waitFor(
		(frame) => frame.includes('SHA256:q1w2e3r4'),
		'the fingerprint',
	);
	assert.doesNotMatch(header, /t5y6u7/, 'the short form only');
	await chat.submit('to:carol');
	const carol = await chat.waitFor((frame) => frame.includes('to carol>'), 'carol');
	assert.doesNotMatch(carol, /SHA256:/);
});

test('a key that comes after a join shows, and a new session under the name forgets it', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', []);
	chat.client.emit(
		{type: 'user-joined', name: 'bob'},
		{type: 'user-key', name: 'bob', fingerprint: BOB},
	);
	await chat.submit('to:bob');
	await chat.waitFor((frame) => frame.includes('SHA256:q1w2e3r4'), 'the fingerprint');
	chat.client.emit({type: 'user-left', name: 'bob'}, {type: 'user-joined', name: 'bob'});
	await chat.waitFor((frame) => !frame.includes('SHA256:'), 'forgotten');
});

test('/whois NAME shows the name, its full fingerprint or no key, and whether it is online', async () => {
	const chat = renderChat();
	welcomeWithBobsKey(chat);
	chat.client.emit({type: 'user-away', name: 'bob'});
	await chat.submit('/whois BOB');
	await chat.waitFor((frame) => frame.includes(`bob: key ${BOB.slice(0, 30)}`), 'bob');
	await chat.waitFor((frame) => frame.includes('away'), 'away');
	await chat.submit('/whois carol');
	await chat.waitFor((frame) => frame.includes('carol: no key, online'), 'carol');
	await chat.submit('/whois dave');
	await chat.waitFor((frame) => frame.includes('there is no user named dave online'), 'dave');
	await chat.press(keys.escape);
});

test('a name owned by another key ends the session with one sentence that says what to do', async () => {
	const sentence = refusalSentence(
		{host: 'chat.example', port: 21_567},
		'alice',
		'name-owned',
		'the name alice belongs to another key (SHA256:abcdefgh)',
	);
	assert.match(
		sentence,
		/^the name alice on chat\.example:21567 belongs to another key than this machine's, so chat did not log in: to use it here, copy the identity file from the machine that owns it \(.*identity\), or ask the host's operator to run chat names release alice$/,
	);
	const chat = renderChat();
	chat.client.emit({type: 'closed', code: 'name-owned', message: sentence});
	await chat.waitFor(() => chat.outcomes.length > 0, 'the end');
	assert.deepEqual(chat.outcomes, [{exitCode: 1, message: sentence}]);
});
